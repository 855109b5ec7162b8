package com.mimeeqportal.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Statements prepared once on a connection and kept there for its next users: for the few statements run on
 * every audit write, on a database whose driver does not keep them parsed itself. H2 parses a statement again
 * after every rollback on that connection, and a {@code select … for update} every time
 * ({@link SupportedDatabase#rollbackForgetsParsedStatements}); the rehearsal before each Mimeeq call ends in a
 * rollback and each append locks its chain head, so on H2 both parsed their statements on every call. PostgreSQL's
 * driver keeps prepared statements per connection itself: there {@link #prepare} prepares afresh and
 * {@link #release} closes, as plain JDBC does.
 *
 * <p>A statement is kept on the physical connection under the pool's proxy: the pool closes what was prepared
 * through its proxy when the connection goes back, and the physical connection outlives that. A kept statement is
 * used by one thread at a time, as its connection is. The pool does not see what a kept statement runs, so it does
 * not know the transaction has begun and would give the connection back without rolling it back: whoever runs one
 * ends the transaction itself, on every path, failures included. When the pool retires a connection it closes it,
 * and with it its statements; the next connection to prepare a statement clears the closed ones out, so a portal
 * that runs for months does not hold on to the connections its pool has retired.
 */
public final class KeptStatements {

    private final boolean keep;
    private final Map<Connection, Map<String, PreparedStatement>> kept = new IdentityHashMap<>();

    public KeptStatements(boolean keep) {
        this.keep = keep;
    }

    /** {@code sql} prepared on {@code connection}: the kept statement if there is one. Hand it to {@link #release}. */
    public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        if (!keep) {
            return connection.prepareStatement(sql);
        }
        Connection physical = connection.unwrap(Connection.class);
        synchronized (kept) {
            PreparedStatement statement = kept.getOrDefault(physical, Map.of()).get(sql);
            if (statement != null && !statement.isClosed()) {
                return statement;
            }
        }
        // Parsed outside the lock, which other connections' users take on every write. Only this thread uses
        // this connection, so no one else can be preparing the same statement on it meanwhile.
        PreparedStatement statement = physical.prepareStatement(sql);
        synchronized (kept) {
            forgetClosedConnections();
            kept.computeIfAbsent(physical, c -> new HashMap<>()).put(sql, statement);
        }
        return statement;
    }

    /**
     * After use: closes a statement that is not kept, and leaves a kept one ready for the connection's next user,
     * with nothing of this use in it (a batch that failed half-way would otherwise run again with the next one).
     */
    public void release(PreparedStatement statement) throws SQLException {
        if (keep) {
            statement.clearBatch();
            statement.clearParameters();
        } else {
            statement.close();
        }
    }

    /** How many connections have statements kept (the tests' way to see that the audit uses them). */
    public int connections() {
        synchronized (kept) {
            return kept.size();
        }
    }

    private void forgetClosedConnections() throws SQLException {
        var connections = kept.keySet().iterator();
        while (connections.hasNext()) {
            if (connections.next().isClosed()) {
                connections.remove();
            }
        }
    }
}
