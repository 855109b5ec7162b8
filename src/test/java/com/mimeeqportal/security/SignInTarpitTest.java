package com.mimeeqportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A refused sign-in's answer is completed after the delay, by a timer, and never more than MAX_HELD at once. */
class SignInTarpitTest {

    /** A request that can go asynchronous; its AsyncContext notes when complete() is called. */
    private static final class Held {
        final AtomicInteger asyncStarted = new AtomicInteger();
        final AtomicLong completedAt = new AtomicLong();
        final CountDownLatch completed = new CountDownLatch(1);
        final HttpServletRequest request;

        Held(boolean asyncSupported) {
            AsyncContext async = (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "complete" -> {
                            completedAt.set(System.nanoTime());
                            completed.countDown();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
            request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "isAsyncSupported" -> asyncSupported;
                        case "startAsync" -> {
                            asyncStarted.incrementAndGet();
                            yield async;
                        }
                        default -> null;
                    });
        }
    }

    @Test
    void theAnswerIsCompletedAfterTheDelayNotBefore() throws Exception {
        SignInTarpit tarpit = new SignInTarpit(Duration.ofMillis(150));
        Held held = new Held(true);
        long started = System.nanoTime();
        assertTrue(tarpit.hold(held.request));
        assertEquals(1, tarpit.held());
        assertTrue(held.completed.await(5, TimeUnit.SECONDS), "completed by the timer");
        assertTrue(held.completedAt.get() - started >= TimeUnit.MILLISECONDS.toNanos(150),
                "after " + (held.completedAt.get() - started) / 1_000_000 + " ms");
        waitUntil(() -> tarpit.held() == 0);
        tarpit.stop();
    }

    @Test
    void withNoDelayOrNoAsyncSupportTheAnswerGoesAtOnce() {
        Held noDelay = new Held(true);
        assertFalse(new SignInTarpit(Duration.ZERO).hold(noDelay.request));
        assertEquals(0, noDelay.asyncStarted.get());
        Held noAsync = new Held(false);
        assertFalse(new SignInTarpit(Duration.ofSeconds(1)).hold(noAsync.request));
        assertEquals(0, noAsync.asyncStarted.get());
    }

    @Test
    void pastTheBoundAnswersGoAtOnceAndStoppingSendsTheHeldOnes() throws Exception {
        SignInTarpit tarpit = new SignInTarpit(Duration.ofMinutes(1));
        Held[] held = new Held[SignInTarpit.MAX_HELD];
        for (int i = 0; i < held.length; i++) {
            held[i] = new Held(true);
            assertTrue(tarpit.hold(held[i].request));
        }
        Held oneMore = new Held(true);
        assertFalse(tarpit.hold(oneMore.request), "one past the bound is answered at once");
        assertEquals(0, oneMore.asyncStarted.get());
        tarpit.stop();
        for (Held h : held) {
            assertEquals(0, h.completed.getCount(), "a held answer is sent when the portal stops");
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean());
    }
}
