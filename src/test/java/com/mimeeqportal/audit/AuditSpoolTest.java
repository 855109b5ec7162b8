package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool keeps entries whole on disk and hands them back oldest first, only losing a file once appended. */
class AuditSpoolTest {

    @TempDir
    Path directory;

    private final TenantId tenant = TenantId.random();

    @Test
    void keptEntriesComeBackWholeAndInTheOrderTheyHappened() {
        AuditSpool spool = new AuditSpool(directory);
        Instant now = Instant.parse("2026-12-01T10:00:00.123456Z");
        AuditEntry later = AuditEntry.of(AuditEventType.MIMEEQ_CALL).actor("sales@example.com").clientIp("10.0.0.1")
                .target("get-product-info").detail("shortCode=ABC123 quantity=1 ünïcödé\nline").httpStatus(200)
                .duration(Duration.ofMillis(21)).correlationId("c-2").at(now.plusSeconds(1)).success();
        AuditEntry earlier = AuditEntry.of(AuditEventType.MIMEEQ_CALL).actor("admin@example.com").target("get-products")
                .correlationId("c-1").at(now).error("UPSTREAM_ERROR");
        spool.keep(tenant, later);
        spool.keep(tenant, earlier);
        assertEquals(2, spool.pending());

        List<AuditEntry> appended = new ArrayList<>();
        assertEquals(2, spool.replay((t, entry) -> {
            assertEquals(tenant, t);
            appended.add(entry);
        }));

        assertEquals(List.of(earlier, later), appended);
        assertEquals(0, spool.pending());
    }

    @Test
    void anEntryThatCannotBeAppendedStaysForTheNextReplay() throws Exception {
        AuditSpool spool = new AuditSpool(directory);
        spool.keep(tenant, AuditEntry.of(AuditEventType.MIMEEQ_CALL).target("x").success());

        assertEquals(0, spool.replay((t, entry) -> {
            throw new IllegalStateException("database still down");
        }));
        assertEquals(1, spool.pending());

        List<AuditEntry> appended = new ArrayList<>();
        assertEquals(1, spool.replay((t, entry) -> appended.add(entry)));
        assertEquals(1, appended.size());
        try (var files = Files.list(directory)) {
            assertTrue(files.findAny().isEmpty(), "no file left behind, not even a partial one");
        }
    }

    @Test
    void noSpoolDirectoryMeansNothingPending() {
        AuditSpool spool = new AuditSpool(directory.resolve("never-made"));
        assertEquals(0, spool.pending());
        assertEquals(0, spool.replay((t, entry) -> {
            throw new AssertionError("nothing to replay");
        }));
    }

    @Test
    void anEntryStuckForAnotherReasonThanAnOutageIsAWarningOnceNotEveryFiveSeconds() throws Exception {
        AuditSpool spool = new AuditSpool(directory);
        spool.keep(tenant, AuditEntry.of(AuditEventType.MIMEEQ_CALL).target("x").success());
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(AuditSpool.class.getName());
        logger.addHandler(handler);
        try {
            spool.replay((t, entry) -> {
                throw new IllegalStateException("the database answers 08006", new SQLTransientConnectionException("down"));
            });
            assertEquals(List.of(), warnings, "an outage is expected: no warning");
            for (int i = 0; i < 3; i++) {
                spool.replay((t, entry) -> {
                    throw new IllegalStateException("no chain head for this tenant");
                });
            }
            assertEquals(1, warnings.size(), "one warning, not one per replay");
            assertTrue(warnings.getFirst().getMessage().contains("not a database outage"), warnings.getFirst().getMessage());
            assertEquals(1, spool.pending(), "and the entry is still kept");
        } finally {
            logger.removeHandler(handler);
        }
    }
}
