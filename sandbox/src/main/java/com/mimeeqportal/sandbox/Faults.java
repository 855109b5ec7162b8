package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault settings of each account and what is left of their one-shot parts ({@code failNext},
 * {@code malformedNext}). In memory only: a restart heals every account.
 */
@ApplicationScoped
public class Faults {

    /** A fault to answer one call with, instead of or over its real answer. */
    sealed interface Injection {
        /** Answer with this status and {@code {"message":"Internal server error"}}. */
        record Fail(int status) implements Injection {
        }

        /** Answer 200 with the real body cut short. */
        record Malformed() implements Injection {
        }
    }

    /** One account's settings; the counters change as calls use them up, under the state's lock. */
    private static final class State {
        private final FaultSettings settings;
        private final Deque<Integer> failNext;
        private int malformedNext;

        State(FaultSettings settings) {
            this.settings = settings;
            this.failNext = new ArrayDeque<>(settings.failNext());
            this.malformedNext = settings.malformedNext();
        }

        synchronized FaultSettings snapshot() {
            return new FaultSettings(settings.latencyMs(), failNext.stream().toList(), malformedNext,
                    settings.rateLimitPerSecond(), settings.retryAfterSeconds());
        }

        synchronized Optional<Injection> take() {
            if (!failNext.isEmpty()) {
                return Optional.of(new Injection.Fail(failNext.removeFirst()));
            }
            if (malformedNext > 0) {
                malformedNext--;
                return Optional.of(new Injection.Malformed());
            }
            return Optional.empty();
        }
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** Replaces the account's settings as a whole, as a PUT does. */
    public void set(String accountId, FaultSettings settings) {
        states.put(accountId, new State(settings));
    }

    public void reset(String accountId) {
        states.remove(accountId);
    }

    /** The account's settings with what is left of the one-shot parts. */
    public FaultSettings current(String accountId) {
        State state = states.get(accountId);
        return state == null ? FaultSettings.NONE : state.snapshot();
    }

    /** Uses up the account's next fault, if one is left: the {@code failNext} statuses first, then malformed. */
    public Optional<Injection> takeNext(String accountId) {
        State state = states.get(accountId);
        return state == null ? Optional.empty() : state.take();
    }
}
