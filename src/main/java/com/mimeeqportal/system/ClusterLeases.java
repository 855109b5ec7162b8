package com.mimeeqportal.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Leases in the database (table {@code cluster_lease}) for work that one instance of a cluster does at a time:
 * whoever holds a lease until a time does the work; anyone may take it once that time has passed. The holder
 * renews it while it works, so a holder that dies loses it after at most one lease time, and another instance
 * takes over. The database, not the data grid, because it is what every instance already shares and what
 * survives a restart of all of them; a single instance uses the same table.
 *
 * <p>Times come from the instances' clocks: keep them in sync (NTP), well within a lease time.
 */
public final class ClusterLeases {

    /** A lease as stored: who holds it until when, and the holder's report of its work (may be null). */
    public record Lease(String name, String holder, Instant expiresAt, String state) {
        public boolean heldAt(Instant now) {
            return expiresAt.isAfter(now);
        }
    }

    private final Database database;
    private final String self;
    private final Clock clock;

    public ClusterLeases(Database database, String self, Clock clock) {
        this.database = Objects.requireNonNull(database);
        this.self = Objects.requireNonNull(self);
        this.clock = Objects.requireNonNull(clock);
    }

    /** This instance's name as a holder. */
    public String self() {
        return self;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Takes {@code name} for {@code ttl} if it is free, expired or already ours; false when another holds it. */
    public boolean acquire(String name, Duration ttl) {
        Instant now = clock.instant();
        if (update(name, ttl, now, "(holder = ? or expires_at <= ?)", null) == 1) {
            return true;
        }
        try {
            int inserted = database.asSystem(session -> session.doReturningWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into cluster_lease (name, holder, "
                        + "expires_at) select ?, ?, ? where not exists (select 1 from cluster_lease where name = ?)")) {
                    insert.setString(1, name);
                    insert.setString(2, self);
                    insert.setObject(3, at(now.plus(ttl)));
                    insert.setString(4, name);
                    return insert.executeUpdate();
                }
            }));
            return inserted == 1;
        } catch (RuntimeException takenMeanwhile) {
            // Another instance inserted the row between our two statements (a primary-key violation): it won.
            return false;
        }
    }

    /** Extends our lease by {@code ttl} from now and stores {@code state} (null keeps it); false if not ours. */
    public boolean renew(String name, Duration ttl, String state) {
        return update(name, ttl, clock.instant(), "holder = ?", state) == 1;
    }

    /** Ends our lease now, leaving {@code state} (null keeps it) for everyone to read. */
    public void release(String name, String state) {
        update(name, Duration.ZERO, clock.instant(), "holder = ?", state);
    }

    public Optional<Lease> read(String name) {
        return database.asSystem(session -> session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select holder, expires_at, state from cluster_lease where name = ?")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new Lease(name, row.getString(1),
                            row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3))) : Optional.empty();
                }
            }
        }));
    }

    private int update(String name, Duration ttl, Instant now, String condition, String state) {
        return database.asSystem(session -> session.doReturningWork(connection -> update(connection, name, ttl, now,
                condition, state)));
    }

    private int update(Connection connection, String name, Duration ttl, Instant now, String condition, String state)
            throws SQLException {
        String sql = "update cluster_lease set holder = ?, expires_at = ?" + (state == null ? "" : ", state = ?")
                + " where name = ? and " + condition;
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int i = 1;
            update.setString(i++, self);
            update.setObject(i++, at(now.plus(ttl)));
            if (state != null) {
                update.setString(i++, state);
            }
            update.setString(i++, name);
            update.setString(i++, self);
            if (condition.contains("expires_at")) {
                update.setObject(i, at(now));
            }
            return update.executeUpdate();
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
