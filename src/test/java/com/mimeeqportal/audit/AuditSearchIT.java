package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.input.PageRequest;
import com.mimeeqportal.system.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search, chart and export on PostgreSQL: the export has exactly the rows the page counts, formula
 * cells are neutralised, days are counted in UTC, and 100,000 entries stream with flat memory.
 */
class AuditSearchIT {

    private static final Logger LOG = Logger.getLogger(AuditSearchIT.class.getName());
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    static Path dir;

    static EmbeddedPostgres postgres;
    static Database database;
    static AuditLog audit;
    static AuditSearch search;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4,
                Infrastructure.ENTITIES);
        audit = new AuditLog(database, new ChainMac(MasterKeysets.mac(dir.resolve("mac.json"), true)));
        search = new AuditSearch(database);
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
        postgres.close();
    }

    @Test
    void filtersPageChartAndExportAgree() throws Exception {
        TenantId tenant = TenantId.random();
        TenantId other = TenantId.random();
        Instant today = Instant.now();
        Instant threeDaysAgo = today.minus(3, ChronoUnit.DAYS);
        for (int i = 0; i < 30; i++) {
            AuditEntry.Builder entry = AuditEntry.of(AuditEventType.MIMEEQ_CALL).at(i < 10 ? threeDaysAgo : today)
                    .actor(i % 2 == 0 ? "Admin@Demo.example" : "sales@demo.example")
                    .target(i % 3 == 0 ? "/get-product-price-info" : "/get-products-general-info")
                    .detail(i == 7 ? "=HYPERLINK(\"http://evil\")" : "call 100% done " + i);
            audit.record(tenant, i % 5 == 0 ? entry.error("TIMEOUT") : entry.success());
        }
        audit.record(tenant, AuditEntry.of(AuditEventType.LOGIN).actor("admin@demo.example").success());
        audit.record(other, AuditEntry.of(AuditEventType.MIMEEQ_CALL).actor("admin@demo.example").success());

        AuditFilter all = filter(Map.of());
        assertEquals(31, search.page(tenant, all, new PageRequest(1, 50)).total(), "only this tenant's entries");
        assertEquals(15, search.page(tenant, filter(Map.of("actor", "admin@DEMO.example", "type", "MIMEEQ_CALL")),
                new PageRequest(1, 50)).total() + search.page(tenant, filter(Map.of("actor", "admin@demo.example",
                "type", "MIMEEQ_CALL_ERROR")), new PageRequest(1, 50)).total());
        assertEquals(6, search.count(tenant, filter(Map.of("outcome", "FAILURE"))));
        assertEquals(10, search.count(tenant, filter(Map.of("target", "price"))));
        assertEquals(0, search.count(tenant, filter(Map.of("text", "100_"))), "LIKE wildcards are literal");
        assertEquals(29, search.count(tenant, filter(Map.of("text", "100% done"))));
        assertEquals(21, search.count(tenant, filter(Map.of("range", "24h"))));

        DailyChart chart = search.daily(tenant, all);
        assertEquals(8, chart.days().size());
        assertEquals(30, chart.totalCalls());
        assertEquals(6, chart.totalFailures());
        LocalDate dayOfThreeDaysAgo = LocalDate.ofInstant(threeDaysAgo, ZoneOffset.UTC);
        assertEquals(10, chart.days().stream().filter(d -> d.date().equals(dayOfThreeDaysAgo)).findFirst()
                .orElseThrow().calls());

        AuditFilter failures = filter(Map.of("type", "MIMEEQ_CALL"));
        long counted = search.count(tenant, failures);
        StringWriter csv = new StringWriter();
        long exported;
        try (AuditExport.Sink sink = AuditExport.to(AuditExport.Format.CSV, csv)) {
            exported = search.stream(tenant, failures, sink);
        }
        assertEquals(counted, exported);
        assertEquals(counted + 1, csv.toString().lines().count(), "a header and one line per entry");
        assertTrue(csv.toString().contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), csv.toString());
        StringWriter jsonl = new StringWriter();
        try (AuditExport.Sink sink = AuditExport.to(AuditExport.Format.JSONL, jsonl)) {
            search.stream(tenant, failures, sink);
        }
        assertEquals(counted, jsonl.toString().lines().count());
    }

    @Test
    void aHundredThousandEntriesExportWithFlatMemory() throws Exception {
        exportAHundredThousand(database, "PostgreSQL");
    }

    /** The same on H2, the embedded default, whose planner chooses differently (see AuditSearch.stream). */
    @Test
    void aHundredThousandEntriesExportOnH2Too() throws Exception {
        try (Database h2 = Database.open("jdbc:h2:mem:audit-export-it;DB_CLOSE_DELAY=-1", "sa", "", 2,
                Infrastructure.ENTITIES)) {
            exportAHundredThousand(h2, "H2");
        }
    }

    private static void exportAHundredThousand(Database db, String name) throws Exception {
        TenantId tenant = TenantId.random();
        int rows = 100_000;
        insertDirectly(db, tenant, rows);
        AuditFilter filter = filter(Map.of("range", "24h"));
        long[] heapAt = new long[2];
        long[] seen = {0};
        Writer discard = Writer.nullWriter();
        long started = System.nanoTime();
        long exported;
        try (AuditExport.Sink csv = AuditExport.to(AuditExport.Format.CSV, discard)) {
            exported = new AuditSearch(db).stream(tenant, filter, event -> {
                csv.accept(event);
                seen[0]++;
                if (seen[0] == 5_000) {
                    heapAt[0] = usedHeapAfterGc();
                } else if (seen[0] == rows) {
                    heapAt[1] = usedHeapAfterGc();
                }
            });
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long growth = heapAt[1] - heapAt[0];
        LOG.info(() -> name + ": exported " + rows + " rows as CSV in " + millis + " ms; used heap after GC at row 5,000: "
                + heapAt[0] / 1024 + " KiB, at row 100,000: " + heapAt[1] / 1024 + " KiB (growth " + growth / 1024 + " KiB)");
        assertEquals(rows, exported);
        // 95,000 entities kept in memory would be far above 20 MB; a streamed export keeps one page.
        assertTrue(growth < 20L * 1024 * 1024, "heap grew by " + growth / 1024 + " KiB while streaming");
    }

    @Test
    void daysAreUtcDaysOnH2AsOnPostgres() {
        try (Database h2 = Database.open("jdbc:h2:mem:audit-search-it;DB_CLOSE_DELAY=-1", "sa", "", 2,
                Infrastructure.ENTITIES)) {
            for (Database db : new Database[] {database, h2}) {
                TenantId tenant = TenantId.random();
                AuditLog log = new AuditLog(db, new ChainMac(MasterKeysets.mac(dir.resolve("mac.json"), true)));
                log.record(tenant, AuditEntry.of(AuditEventType.MIMEEQ_CALL).at(Instant.parse("2026-03-01T23:59:59.999999Z")).success());
                log.record(tenant, AuditEntry.of(AuditEventType.MIMEEQ_CALL).at(Instant.parse("2026-03-02T00:00:00Z")).error("TIMEOUT"));
                log.record(tenant, AuditEntry.of(AuditEventType.LOGIN).at(Instant.parse("2026-03-02T12:00:00Z")).error("BAD"));
                DailyChart chart = new AuditSearch(db).daily(tenant,
                        filter(Map.of("range", "custom", "from", "2026-03-01", "to", "2026-03-03")));
                assertEquals(new DailyChart.Day(LocalDate.parse("2026-03-01"), 1, 1, 0), chart.days().get(0));
                assertEquals(new DailyChart.Day(LocalDate.parse("2026-03-02"), 2, 1, 2), chart.days().get(1));
                assertEquals(new DailyChart.Day(LocalDate.parse("2026-03-03"), 0, 0, 0), chart.days().get(2));
            }
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Fast seeding for the volume test: plain JDBC batches (the chain is not what is tested here). */
    private static void insertDirectly(Database db, TenantId tenant, int rows) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("insert into audit_event (tenant_id, occurred_at, actor,"
                     + " client_ip, event_type, outcome, target, detail, http_status, duration_ms, correlation_id,"
                     + " seq, prev_hash, hash) values (?, ?, 'admin@demo.example', '10.0.0.1', 'MIMEEQ_CALL', 'SUCCESS',"
                     + " '/get-product-price-info', ?, 200, 42, ?, ?, 'p', 'h')")) {
            for (int i = 1; i <= rows; i++) {
                insert.setString(1, tenant.value());
                insert.setObject(2, now.plusNanos(i * 1000L));
                insert.setString(3, "priced short code ABC" + i + " for quantity " + (i % 10 + 1));
                insert.setString(4, "corr-" + i);
                insert.setLong(5, i);
                insert.addBatch();
                if (i % 5_000 == 0) {
                    insert.executeBatch();
                }
            }
            c.commit();
        }
    }

    private static AuditFilter filter(Map<String, String> parameters) {
        return AuditFilterForm.parse(new HashMap<>(parameters)::get, CLOCK).orElseThrow();
    }
}
