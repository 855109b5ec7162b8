package com.mimeeqportal.user;

import com.mimeeqportal.system.ClusterBus;
import com.mimeeqportal.system.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Lockout after repeated wrong passwords, counted per (account, client address) rather than per account.
 * A guesser locks only their own address out of the account: the owner, signing in from an address that
 * has not failed, still gets in, so a lockout can't be used to keep a victim (the well-known
 * {@code operator}) out. Guessing from many addresses is bounded by the global sign-in rate limit instead.
 * Wrong current passwords on {@code /account/password} and the key reveal count here too.
 *
 * <p>The state is in memory, bounded by {@link #MAX_ENTRIES}: a restart forgives everything. Entries of pairs
 * that are neither locked nor failed for a day are dropped when room is needed. In a cluster each instance counts
 * the failures it sees, but a lock, a successful sign-in and an unlock are announced to every instance
 * ({@link ClusterBus} notice {@value #TOPIC}): a locked pair is locked on every instance, and an admin's unlock
 * through one instance unlocks on all (docs/clustering.md).
 */
@ApplicationScoped
public class SignInLocks {

    static final int MAX_ENTRIES = 100_000;
    /** Cluster notices: "lock user client until-millis lockouts", "ok user client", "forgive id,id,…" (tab-separated). */
    static final String TOPIC = "signin-locks";
    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private record Key(String userId, String client) {
    }

    /** Failures of one user from one address since the last success there; lockouts double the next lock. */
    private static final class Series {
        int failures;
        /** Password checks started and not yet settled: they count toward the lock before their hash ends. */
        int checking;
        int lockouts;
        Instant lockedUntil;
        /** The last check or failure: the map forgets the pairs least recently seen first. */
        Instant lastSeen;

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    private final LockoutPolicy policy;
    private final Clock clock;
    private final int maxEntries;
    private final Map<Key, Series> series = new HashMap<>();
    private final ClusterBus bus;

    @Inject
    public SignInLocks(PortalConfig config, ClusterBus bus) {
        this(new LockoutPolicy(config.loginLockoutBase()), Clock.systemUTC(), MAX_ENTRIES, bus);
    }

    public SignInLocks(LockoutPolicy policy, Clock clock, int maxEntries) {
        this(policy, clock, maxEntries, new ClusterBus());
    }

    public SignInLocks(LockoutPolicy policy, Clock clock, int maxEntries, ClusterBus bus) {
        this.bus = Objects.requireNonNull(bus);
        bus.subscribe(TOPIC, this::announced);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    protected SignInLocks() {
        this(LockoutPolicy.DEFAULT, Clock.systemUTC(), MAX_ENTRIES);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The end of the lock of {@code userId} for {@code client}, if that pair is locked now. */
    public synchronized Optional<Instant> lockedUntil(String userId, String client) {
        Series s = series.get(new Key(userId, client));
        Instant now = clock.instant();
        return s != null && s.lockedAt(now) ? Optional.of(s.lockedUntil) : Optional.empty();
    }

    /**
     * Starts a password check of {@code userId} from {@code client}, or refuses it (empty) before any hash is
     * computed: when the pair is locked, and also when the checks already under way would lock it if they all
     * failed. Without that second rule, twenty guesses sent at once would all pass the lock check and each cost
     * a 600,000-iteration hash before the first five failures set the lock; with it, a pair costs at most
     * {@link LockoutPolicy#THRESHOLD} hashes per lock period however its guesses are timed. Someone typing
     * their own password never has five checks under way at once. Close the check when it is settled.
     */
    public synchronized Optional<Check> begin(String userId, String client) {
        Instant now = clock.instant();
        Key key = new Key(userId, client);
        Series s = seriesOf(key, now);
        if (s.lockedAt(now) || policy.locksAfter(s.failures + s.checking)) {
            return Optional.empty();
        }
        boolean repeated = s.failures > 0 || s.checking > 0 || s.lockouts > 0;
        s.checking++;
        s.lastSeen = now;
        return Optional.of(new Check(key, repeated));
    }

    /** A password check under way ({@link #begin}); settle it with {@link #failed} or {@link #succeeded}, then close it. */
    public final class Check implements AutoCloseable {
        private final Key key;
        private final boolean repeated;
        private boolean closed;

        private Check(Key key, boolean repeated) {
            this.key = key;
            this.repeated = repeated;
        }

        /** Whether the pair had failed (or been locked) before, or had another check under way when this one began. */
        public boolean repeated() {
            return repeated;
        }

        /** The password was wrong: see {@link SignInLocks#fail}. */
        public Optional<Instant> failed() {
            return fail(key.userId(), key.client());
        }

        /** The password was right: see {@link SignInLocks#succeeded}. */
        public void succeeded() {
            SignInLocks.this.succeeded(key.userId(), key.client());
        }

        @Override
        public void close() {
            synchronized (SignInLocks.this) {
                if (closed) {
                    return;
                }
                closed = true;
                // The pair may be gone (forgiven, or a success announced): then there is nothing to settle.
                Series s = series.get(key);
                if (s != null && s.checking > 0) {
                    s.checking--;
                }
            }
        }
    }

    /** The latest lock of {@code userId} from any address, for the admin's user list. */
    public synchronized Optional<Instant> lockedUntilAnywhere(String userId) {
        Instant now = clock.instant();
        return series.entrySet().stream()
                .filter(e -> e.getKey().userId().equals(userId) && e.getValue().lockedAt(now))
                .map(e -> e.getValue().lockedUntil)
                .max(Comparator.naturalOrder());
    }

    /**
     * Counts a wrong password of {@code userId} from {@code client}. Returns the end of the lock when this
     * failure locks the pair; the count starts again after a lockout. A failure while locked (a concurrent
     * attempt got in first) is not counted again.
     */
    public Optional<Instant> fail(String userId, String client) {
        Optional<Instant> locked = count(userId, client);
        locked.ifPresent(until -> bus.publish(TOPIC, String.join("\t", "lock", userId, client,
                Long.toString(until.toEpochMilli()), Integer.toString(lockouts(userId, client)))));
        return locked;
    }

    private synchronized int lockouts(String userId, String client) {
        Series s = series.get(new Key(userId, client));
        return s == null ? 0 : s.lockouts;
    }

    private synchronized Optional<Instant> count(String userId, String client) {
        Instant now = clock.instant();
        Series s = seriesOf(new Key(userId, client), now);
        if (s.lockedAt(now)) {
            return Optional.empty();
        }
        s.lastSeen = now;
        s.failures++;
        if (!policy.locksAfter(s.failures)) {
            return Optional.empty();
        }
        s.lockedUntil = now.plus(policy.lockFor(s.lockouts));
        s.lockouts++;
        s.failures = 0;
        return Optional.of(s.lockedUntil);
    }

    /** The right password from {@code client}: that address's failures and lockouts are forgiven. */
    public void succeeded(String userId, String client) {
        bus.publish(TOPIC, String.join("\t", "ok", userId, client));
    }

    /** An admin's unlock or password reset, or the operator's: every address's failures of the user forgiven. */
    public int forgive(Collection<String> userIds) {
        Set<String> ids = Set.copyOf(userIds);
        int locked = lockedAmong(ids);
        if (!ids.isEmpty()) {
            bus.publish(TOPIC, "forgive\t" + String.join(",", ids));
        }
        return locked;
    }

    private synchronized int lockedAmong(Set<String> ids) {
        Instant now = clock.instant();
        return (int) series.entrySet().stream()
                .filter(e -> ids.contains(e.getKey().userId()) && e.getValue().lockedAt(now)).count();
    }

    /** A notice of this instance or another: applied here (again, for this one's own, which changes nothing). */
    private synchronized void announced(String notice) {
        String[] part = notice.split("\t");
        switch (part[0]) {
            case "lock" -> {
                Instant now = clock.instant();
                Series s = seriesOf(new Key(part[1], part[2]), now);
                Instant until = Instant.ofEpochMilli(Long.parseLong(part[3]));
                if (s.lockedUntil == null || until.isAfter(s.lockedUntil)) {
                    s.lockedUntil = until;
                    s.failures = 0;
                }
                s.lockouts = Math.max(s.lockouts, Integer.parseInt(part[4]));
                s.lastSeen = s.lastSeen == null ? now : s.lastSeen;
            }
            case "ok" -> series.remove(new Key(part[1], part[2]));
            case "forgive" -> {
                Set<String> ids = Set.of(part[1].split(","));
                series.keySet().removeIf(key -> ids.contains(key.userId()));
            }
            default -> throw new IllegalArgumentException("Unknown sign-in lock notice " + part[0]);
        }
    }

    public void forgive(String userId) {
        forgive(Set.of(userId));
    }

    synchronized int size() {
        return series.size();
    }

    /** The pair's series, a new one (after making room) if it has none. */
    private Series seriesOf(Key key, Instant now) {
        Series s = series.get(key);
        if (s == null) {
            makeRoom(now);
            s = new Series();
            series.put(key, s);
        }
        return s;
    }

    /**
     * Keeps the map bounded whatever a flood of addresses does: forgotten pairs go first, then the pair
     * that failed longest ago and is not locked, and only then the oldest locked one.
     */
    private void makeRoom(Instant now) {
        if (series.size() < maxEntries) {
            return;
        }
        series.values().removeIf(s -> !s.lockedAt(now) && s.lastSeen.plus(FORGOTTEN_AFTER).isBefore(now));
        while (series.size() >= maxEntries) {
            Comparator<Map.Entry<Key, Series>> order = Comparator
                    .<Map.Entry<Key, Series>, Boolean>comparing(e -> e.getValue().lockedAt(now))
                    .thenComparing(e -> e.getValue().lastSeen);
            series.entrySet().stream().min(order).map(Map.Entry::getKey).ifPresent(series::remove);
        }
    }
}
