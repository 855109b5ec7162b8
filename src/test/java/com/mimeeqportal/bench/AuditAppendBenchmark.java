package com.mimeeqportal.bench;

import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.audit.AuditVerifier;
import com.mimeeqportal.audit.ChainMac;
import com.mimeeqportal.audit.ChainVerification;
import com.mimeeqportal.audit.Checkpoints;
import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * {@link AuditLog#record} as a Mimeeq call records it, on a {@link Database} opened as {@code Infrastructure}
 * opens it (Hikari pool of the default size, Flyway migrations, Hibernate), on an H2 file in a temporary
 * directory or on an embedded PostgreSQL. One thread on one tenant, and eight threads over four tenants.
 *
 * <p>After each trial every chain is verified with {@link AuditVerifier} and the entries are counted against the
 * appends made; the outcome goes to a file that {@link Benchmarks} reads, so an append that is fast because it
 * broke the chain or lost entries shows as such in the table instead of as a good number.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditAppendBenchmark {

    static final int TENANTS = 4;
    /** portal.db.pool-size's default in microprofile-config.properties. */
    static final int POOL_SIZE = 10;

    @Param({"h2", "postgres"})
    public String database;

    private Path dir;
    private EmbeddedPostgres postgres;
    private Database db;
    private ChainMac mac;
    private AuditLog audit;
    private final List<TenantId> tenants = new ArrayList<>();
    private final LongAdder appended = new LongAdder();

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("bench-audit-");
        mac = new ChainMac(MasterKeysets.mac(dir.resolve("mac-keyset.json"), true));
        switch (database) {
            case "h2" -> db = Database.open(Database.h2Url(dir.resolve("data")), "sa", "", POOL_SIZE,
                    Infrastructure.ENTITIES);
            case "postgres" -> {
                postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
                db = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", POOL_SIZE,
                        Infrastructure.ENTITIES);
            }
            default -> throw new IllegalArgumentException("database " + database + ": h2 or postgres");
        }
        audit = new AuditLog(db, mac);
        for (int t = 0; t < TENANTS; t++) {
            TenantId tenant = TenantId.random();
            tenants.add(tenant);
            audit.record(tenant, entry("bench", 0)); // creates the chain's head outside the measurement
            appended.increment();
        }
    }

    /** Each thread writes to one tenant: thread i to tenant i mod 4, so 8 threads make two writers per chain. */
    @State(Scope.Thread)
    public static class Writer {
        int tenant;
        String actor;
        long n;

        @Setup(Level.Trial)
        public void assign(ThreadParams thread) {
            tenant = thread.getThreadIndex() % TENANTS;
            actor = "bench-thread-" + thread.getThreadIndex();
        }
    }

    @Benchmark
    @Threads(1)
    public void oneThread(Writer writer) {
        append(writer);
    }

    @Benchmark
    @Threads(8)
    public void eightThreadsFourTenants(Writer writer) {
        append(writer);
    }

    private void append(Writer writer) {
        audit.record(tenants.get(writer.tenant), entry(writer.actor, writer.n++));
        appended.increment();
    }

    /** What a lookup's audit entry holds. */
    private static AuditEntry entry(String actor, long n) {
        return AuditEntry.of(AuditEventType.MIMEEQ_CALL).actor(actor).clientIp("127.0.0.1")
                .target("/get-product-info").detail("shortCode=BENCH" + n + " quantity=1").httpStatus(200)
                .duration(Duration.ofMillis(21)).correlationId("bench-" + n).success();
    }

    @TearDown(Level.Trial)
    public void verifyAndClose(BenchmarkParams params) throws IOException {
        try {
            AuditVerifier verifier = new AuditVerifier(db, mac, new Checkpoints(dir.resolve("checkpoints"), mac));
            long entries = 0;
            List<String> broken = new ArrayList<>();
            for (TenantId tenant : tenants) {
                ChainVerification result = verifier.verify(tenant);
                entries += result.entries();
                if (!result.intact() || result.verifiedUpTo() != result.entries()) {
                    broken.add(result.toString());
                }
            }
            String verdict = broken.isEmpty() && entries == appended.sum()
                    ? ChainCheck.ok(TENANTS, entries)
                    : ChainCheck.failed(TENANTS, entries, appended.sum(), broken);
            ChainCheck.write(params, verdict);
        } finally {
            db.close();
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
