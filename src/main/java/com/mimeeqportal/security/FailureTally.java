package com.mimeeqportal.security;

import com.mimeeqportal.identity.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps a flood of failed sign-ins from growing the audit chains without bound. Per audit chain, client
 * address and clock minute, the first {@link #INDIVIDUAL} failures are recorded one by one (each with its
 * username and reason, as an investigation wants them); the rest, and every attempt refused by the rate
 * limits, are only counted, and one summary entry per chain, client and minute says how many there were.
 * So a chain grows by at most {@code INDIVIDUAL + 1} entries per client per minute, and the global sign-in
 * rate bounds the individual ones over all clients. At most {@link #MAX_WINDOWS} windows are open; beyond
 * that, further clients of the minute share one window named {@link #MANY_CLIENTS}.
 */
final class FailureTally {

    static final int INDIVIDUAL = 10;
    static final int MAX_WINDOWS = 10_000;
    static final String MANY_CLIENTS = "(many addresses)";
    private static final int USERNAMES_KEPT = 5;

    private record Key(TenantId chain, String client, Instant minute) {
    }

    /** What a closed window counted beyond its individual entries; written as one audit entry. */
    record Summary(TenantId chain, String client, Instant from, Instant to, int count, Set<String> usernames,
                   Map<String, Integer> reasons) {
    }

    private static final class Window {
        final Instant minute;
        int individual;
        int counted;
        final Set<String> usernames = new LinkedHashSet<>();
        final Map<String, Integer> reasons = new TreeMap<>();

        Window(Instant minute) {
            this.minute = minute;
        }
    }

    private final Map<Key, Window> open = new HashMap<>();

    /**
     * Counts one failure. Returns whether it is to be recorded on its own; if not, it is in the window's
     * summary. {@code mayStandAlone} is false for refusals that never get an entry of their own (rate limited).
     */
    synchronized boolean count(TenantId chain, String client, String username, String reason, boolean mayStandAlone,
                               Instant now) {
        Objects.requireNonNull(chain);
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        Key key = new Key(chain, client, minute);
        if (!open.containsKey(key) && open.size() >= MAX_WINDOWS) {
            key = new Key(chain, MANY_CLIENTS, minute);
        }
        Window window = open.computeIfAbsent(key, k -> new Window(minute));
        if (mayStandAlone && window.individual < INDIVIDUAL) {
            window.individual++;
            return true;
        }
        window.counted++;
        if (window.usernames.size() < USERNAMES_KEPT && username != null && !username.isEmpty()) {
            window.usernames.add(username);
        }
        window.reasons.merge(reason, 1, Integer::sum);
        return false;
    }

    /** Removes the windows of minutes before {@code now}'s, and returns the summaries of those that counted any. */
    synchronized List<Summary> closed(Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        List<Summary> summaries = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Window>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Window> e = it.next();
            Window w = e.getValue();
            if (w.minute.isBefore(minute)) {
                it.remove();
                if (w.counted > 0) {
                    summaries.add(new Summary(e.getKey().chain(), e.getKey().client(),
                            w.minute, w.minute.plus(1, ChronoUnit.MINUTES), w.counted, Set.copyOf(w.usernames),
                            Map.copyOf(w.reasons)));
                }
            }
        }
        return summaries;
    }

    synchronized int openWindows() {
        return open.size();
    }
}
