package com.mimeeqportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Paces the password checks of repeated guesses: sign-ins for an (account, address) pair that has failed
 * before, or that has another check under way. They take turns, one at a time, and after each the next waits
 * {@link #REST_FACTOR} times as long as that check took, so together they use at most a quarter of one core,
 * however they are timed. A first attempt, and anyone whose earlier sign-ins from that address succeeded,
 * is not paced.
 *
 * <p>Why: the lockout already limits a pair to five hashes per lock period, but a flood sends those five at
 * once, and five 600,000-iteration hashes back to back take one of a small server's cores for more than a
 * second, which everyone else's pages feel. Paced, the same five hashes are spread over a few seconds and the
 * other pages barely notice; the guesser learns nothing faster. Someone who mistyped their password once
 * retries after a few seconds of their own, by which time the pace has long let the next check through.
 *
 * <p>At most {@link #MAX_WAITING} checks wait for their turn; past that a guess is refused at once as "busy"
 * (the page says to try again shortly), so a flood from many addresses can't pile up request threads here.
 */
@ApplicationScoped
public class RepeatGuessPacing {

    static final int REST_FACTOR = 3;
    static final int MAX_WAITING = 8;
    /** What the page tells a refused guess to wait (Retry-After). */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final ReentrantLock turn = new ReentrantLock(true);
    private final AtomicInteger waiting = new AtomicInteger();
    private final Duration longestWait;
    private long nextTurnNanos = System.nanoTime();

    public RepeatGuessPacing() {
        this(Duration.ofSeconds(10));
    }

    RepeatGuessPacing(Duration longestWait) {
        this.longestWait = longestWait;
    }

    /** Checks waiting for their turn now. */
    int waiting() {
        return waiting.get();
    }

    /**
     * Runs {@code check} (a password hash) when its turn comes. Empty when too many checks are already
     * waiting, or the turn did not come within the longest wait: the guess is refused without a hash.
     */
    public Optional<Boolean> check(BooleanSupplier check) {
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            return Optional.empty();
        }
        boolean ours;
        try {
            ours = turn.tryLock(longestWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ours = false;
        } finally {
            waiting.decrementAndGet();
        }
        if (!ours) {
            return Optional.empty();
        }
        try {
            long rest = nextTurnNanos - System.nanoTime();
            if (rest > 0) {
                TimeUnit.NANOSECONDS.sleep(rest);
            }
            long started = System.nanoTime();
            boolean matches = check.getAsBoolean();
            long ended = System.nanoTime();
            nextTurnNanos = ended + (ended - started) * REST_FACTOR;
            return Optional.of(matches);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            turn.unlock();
        }
    }
}
