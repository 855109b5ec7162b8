package com.mimeeqportal.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On H2 the audit's statements are kept prepared on their connection, through the pool's returns and H2's
 * rollbacks, which would otherwise make H2 parse them again on every Mimeeq call.
 */
class KeptStatementsTest {

    private static final String READ = "select n from numbers where n = ?";
    private static final String ADD = "insert into numbers (n) values (?)";

    private HikariDataSource pool;

    @BeforeEach
    void onePooledConnection() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:kept-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table numbers (n int primary key)");
            statement.execute("insert into numbers (n) values (1)");
        }
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void theDatabasesSayWhetherTheyNeedIt() {
        assertTrue(SupportedDatabase.forUrl("jdbc:h2:mem:x").rollbackForgetsParsedStatements());
        assertFalse(SupportedDatabase.forUrl("jdbc:postgresql://localhost/portal").rollbackForgetsParsedStatements());
    }

    @Test
    void aKeptStatementServesItsConnectionAgainAfterARollbackAndTheWayBackToThePool() throws SQLException {
        KeptStatements statements = new KeptStatements(true);
        PreparedStatement first;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            first = statements.prepare(connection, READ);
            assertEquals(1, readOne(first, 1));
            statements.release(first);
            connection.rollback();
        }
        try (Connection connection = pool.getConnection()) {
            PreparedStatement again = statements.prepare(connection, READ);
            assertSame(first, again, "the statement prepared the first time");
            assertEquals(1, readOne(again, 1));
            statements.release(again);
        }
    }

    @Test
    void aKeptStatementGoesBackWithNothingOfAUseThatFailedHalfWay() throws SQLException {
        KeptStatements statements = new KeptStatements(true);
        try (Connection connection = pool.getConnection()) {
            PreparedStatement add = statements.prepare(connection, ADD);
            add.setInt(1, 2);
            add.addBatch();
            // The writer failed before it ran its batch.
            statements.release(add);
            PreparedStatement next = statements.prepare(connection, ADD);
            assertSame(add, next);
            assertEquals(0, next.executeBatch().length, "the failed use's row is not run again");
            statements.release(next);
        }
        try (Connection connection = pool.getConnection(); Statement count = connection.createStatement();
             ResultSet rows = count.executeQuery("select count(*) from numbers")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }

    @Test
    void theStatementsOfAConnectionThePoolClosedAreLetGo() throws SQLException {
        KeptStatements statements = new KeptStatements(true);
        Connection retired;
        try (Connection connection = pool.getConnection()) {
            statements.release(statements.prepare(connection, READ));
            retired = connection.unwrap(Connection.class);
            // Retired, as at the end of its lifetime: the pool closes it when it comes back, and opens another.
            pool.evictConnection(connection);
        }
        // HikariCP closes a retired connection on a thread of its own, so "comes back" is not yet "closed".
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!retired.isClosed() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertTrue(retired.isClosed(), "the pool closed the retired connection");
        try (Connection connection = pool.getConnection()) {
            PreparedStatement read = statements.prepare(connection, READ);
            assertEquals(1, readOne(read, 1));
            statements.release(read);
        }
        assertEquals(1, statements.connections(), "only the open connection's statements are kept");
    }

    @Test
    void whereTheDriverKeepsItsOwnEveryUseGetsAStatementClosedAfterwards() throws SQLException {
        KeptStatements statements = new KeptStatements(false);
        try (Connection connection = pool.getConnection()) {
            PreparedStatement first = statements.prepare(connection, READ);
            statements.release(first);
            assertTrue(first.isClosed());
            PreparedStatement second = statements.prepare(connection, READ);
            assertNotSame(first, second);
            statements.release(second);
        }
        assertEquals(0, statements.connections());
    }

    private static int readOne(PreparedStatement read, int n) throws SQLException {
        read.setInt(1, n);
        try (ResultSet row = read.executeQuery()) {
            return row.next() ? row.getInt(1) : -1;
        }
    }
}
