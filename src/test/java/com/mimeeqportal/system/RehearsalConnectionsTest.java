package com.mimeeqportal.system;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.identity.TenantId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * On H2 a rehearsal runs on a connection of its own: its rollback empties H2's cache of parsed statements, and
 * must not do so for the connections every page's session check and audit append run on.
 */
class RehearsalConnectionsTest {

    @Test
    void onH2RehearsalsDoNotRollBackTheConnectionsOfTheMainPool() throws SQLException {
        try (Database database = Database.open("jdbc:h2:mem:rehearsals-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "", 2, Infrastructure.ENTITIES);
             // Every connection of the main pool taken: a rehearsal from it would wait for one, and fail.
             Connection first = database.dataSource().getConnection();
             Connection second = database.dataSource().getConnection()) {
            Function<Session, Long> ownSession = session -> session.doReturningWork(RehearsalConnectionsTest::sessionId);
            long rehearsal = database.rehearseInTenant(TenantId.SYSTEM, ownSession);
            assertFalse(Set.of(sessionId(first), sessionId(second)).contains(rehearsal), "the rehearsal's H2 session");
        }
    }

    private static long sessionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT SESSION_ID()")) {
            result.next();
            return result.getLong(1);
        }
    }
}
