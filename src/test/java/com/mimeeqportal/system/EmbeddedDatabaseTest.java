package com.mimeeqportal.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.boot.Infrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default database as {@link Database#h2Url} opens it: where it lives and how it is set up. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void keepsEnoughStatementsParsedForAMimeeqCallAndLivesInAnOwnerOnlyDataDirectory() throws Exception {
        Path dataDir = dir.resolve("data");
        try (Database database = Database.open(Database.h2Url(dataDir), "sa", "", 2, Infrastructure.ENTITIES);
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet setting = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
            assertTrue(setting.next(), "H2 reports its query cache size");
            assertEquals(String.valueOf(Database.H2_QUERY_CACHE_SIZE), setting.getString(1));
        }
        assertTrue(Files.exists(dataDir.resolve("portal.mv.db")), "the database file is in the data directory");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
    }
}
