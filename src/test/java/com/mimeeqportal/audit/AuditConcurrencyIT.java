package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two portal instances writing the same tenants' chains at once: two Database objects (two pools, two
 * SessionFactories) on one PostgreSQL stand in for two Payara Micro instances. Only the database's row
 * lock on the chain head orders their appends; if it did not, sequence numbers would collide (unique
 * constraint) or two entries would link to the same predecessor (the verifier would say so).
 */
class AuditConcurrencyIT {

    private static final Logger LOG = Logger.getLogger(AuditConcurrencyIT.class.getName());
    private static final int THREADS = 8;
    private static final int TENANTS = 4;
    private static final int APPENDS = 250;

    @TempDir
    Path dir;

    @Test
    void eightThreadsOnTwoInstancesKeepEveryChainIntact() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            ChainMac mac = new ChainMac(MasterKeysets.mac(dir.resolve("mac.json"), true));
            try (Database first = Database.open(url, "postgres", "postgres", 4, Infrastructure.ENTITIES);
                 Database second = Database.open(url, "postgres", "postgres", 4, Infrastructure.ENTITIES)) {
                List<AuditLog> instances = List.of(new AuditLog(first, mac), new AuditLog(second, mac));
                List<TenantId> tenants = new ArrayList<>();
                for (int t = 0; t < TENANTS; t++) {
                    tenants.add(TenantId.random());
                }

                long started = System.nanoTime();
                run(instances, tenants);
                long millis = (System.nanoTime() - started) / 1_000_000;
                LOG.info(() -> THREADS * TENANTS * APPENDS + " appends from 8 threads on 2 instances in " + millis + " ms");

                AuditVerifier verifier = new AuditVerifier(first, mac, new Checkpoints(dir.resolve("cp"), mac));
                for (TenantId tenant : tenants) {
                    ChainVerification result = verifier.verify(tenant);
                    assertTrue(result.intact(), result.toString());
                    assertEquals(THREADS * APPENDS, result.entries(), "every append is in the chain of " + tenant);
                    assertEquals(THREADS * APPENDS, result.verifiedUpTo());
                    long stored = first.inTenant(tenant, s -> s.createSelectionQuery(
                                    "select count(e) from AuditEvent e where e.tenantId = :t", Long.class)
                            .setParameter("t", tenant.value()).getSingleResult());
                    assertEquals(THREADS * APPENDS, stored);
                }
            }
        }
    }

    /** Each thread appends 250 entries to each of the four tenants, through one instance or the other. */
    private static void run(List<AuditLog> instances, List<TenantId> tenants) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                AuditLog audit = instances.get(thread % 2);
                int id = thread;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < APPENDS; i++) {
                        for (TenantId tenant : tenants) {
                            audit.record(tenant, AuditEntry.of(AuditEventType.MIMEEQ_CALL).actor("thread-" + id)
                                    .target("/get-product-price-info").detail("call " + i).success());
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
