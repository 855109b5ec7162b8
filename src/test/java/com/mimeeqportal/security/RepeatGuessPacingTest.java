package com.mimeeqportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Repeated guesses take turns, rest between turns, and don't pile up. */
class RepeatGuessPacingTest {

    @Test
    void checksTakeTurnsAndTheNextRestsThreeTimesAsLongAsTheLastTook() throws Exception {
        RepeatGuessPacing pacing = new RepeatGuessPacing();
        List<long[]> spans = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            List<Future<Optional<Boolean>>> checks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                checks.add(threads.submit(() -> pacing.check(() -> {
                    long started = System.nanoTime();
                    sleep(Duration.ofMillis(60));
                    synchronized (spans) {
                        spans.add(new long[] {started, System.nanoTime()});
                    }
                    return false;
                })));
            }
            for (Future<Optional<Boolean>> check : checks) {
                assertEquals(Optional.of(false), check.get(5, TimeUnit.SECONDS), "each got its turn and its answer");
            }
        }
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < spans.size(); i++) {
            long took = spans.get(i - 1)[1] - spans.get(i - 1)[0];
            long rest = spans.get(i)[0] - spans.get(i - 1)[1];
            assertTrue(rest >= took * RepeatGuessPacing.REST_FACTOR,
                    "turn " + i + " rested " + rest / 1_000_000 + " ms after a check of " + took / 1_000_000 + " ms");
        }
    }

    @Test
    void pastTheWaitingBoundAGuessIsRefusedAtOnceWithoutAHash() throws Exception {
        RepeatGuessPacing pacing = new RepeatGuessPacing();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        int waiters = RepeatGuessPacing.MAX_WAITING;
        try (ExecutorService threads = Executors.newFixedThreadPool(waiters + 1)) {
            Future<Optional<Boolean>> holder = threads.submit(() -> pacing.check(() -> {
                holding.countDown();
                await(release);
                return true;
            }));
            holding.await();
            List<Future<Optional<Boolean>>> queued = new ArrayList<>();
            for (int i = 0; i < waiters; i++) {
                queued.add(threads.submit(() -> pacing.check(() -> true)));
            }
            waitUntilQueued(pacing, waiters);
            boolean[] hashed = {false};
            long started = System.nanoTime();
            assertEquals(Optional.empty(), pacing.check(() -> hashed[0] = true), "one too many");
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(1), "refused at once");
            assertTrue(!hashed[0], "and never hashed");
            release.countDown();
            assertEquals(Optional.of(true), holder.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aGuessWhoseTurnDoesNotComeInTimeIsRefused() throws Exception {
        RepeatGuessPacing pacing = new RepeatGuessPacing(Duration.ofMillis(200));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(1)) {
            threads.submit(() -> pacing.check(() -> {
                holding.countDown();
                await(release);
                return true;
            }));
            holding.await();
            assertEquals(Optional.empty(), pacing.check(() -> true));
            release.countDown();
        }
    }

    private static void waitUntilQueued(RepeatGuessPacing pacing, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pacing.waiting() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, pacing.waiting());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
