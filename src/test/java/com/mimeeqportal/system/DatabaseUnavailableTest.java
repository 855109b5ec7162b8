package com.mimeeqportal.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures the error page calls an outage (503, "try again") rather than a bug of the portal's (500). */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreAnOutage() {
        assertTrue(Database.isUnavailable(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"))));
        assertTrue(Database.isUnavailable(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertTrue(Database.isUnavailable(new RuntimeException(new SQLException("I/O error", "08006"))));
    }

    @Test
    void aRollbackThatFailedForLackOfAConnectionExplainsTheFailureItFollowed() {
        IllegalStateException generic = new IllegalStateException("Transaction marked for rollback only");
        generic.addSuppressed(new RuntimeException("Unable to rollback", new SQLException("This connection has been closed.", "08003")));

        assertTrue(Database.isUnavailable(generic));
    }

    @Test
    void aWrongQueryIsNotAnOutage() {
        assertFalse(Database.isUnavailable(new RuntimeException(new SQLException("syntax error", "42601"))));
        assertFalse(Database.isUnavailable(new IllegalStateException("The audit chain head is missing")));
        assertFalse(Database.isUnavailable(null));
    }
}
