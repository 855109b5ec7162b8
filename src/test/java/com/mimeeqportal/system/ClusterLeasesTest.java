package com.mimeeqportal.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leases in the database, here H2 (migration V9 runs on it as on PostgreSQL): one holder at a time, until it stops renewing. */
class ClusterLeasesTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final Database database = Database.open("jdbc:h2:mem:leases-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "sa", "", 2, Infrastructure.ENTITIES);
    private final ClusterLeases a = new ClusterLeases(database, "a", clock);
    private final ClusterLeases b = new ClusterLeases(database, "b", clock);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void oneHolderAtATimeUntilTheLeaseRunsOut() {
        assertTrue(a.acquire("job", TTL));
        assertFalse(b.acquire("job", TTL), "held by a");
        assertTrue(a.acquire("job", TTL), "a may take its own lease again");
        clock.advance(TTL.plusSeconds(1));
        assertTrue(b.acquire("job", TTL), "a stopped renewing: b takes over");
        assertFalse(a.renew("job", TTL, null), "a's renewal comes too late");
        assertEquals("b", a.read("job").orElseThrow().holder());
    }

    @Test
    void renewingKeepsItAndStoresTheReportForEveryoneToRead() {
        assertTrue(a.acquire("job", TTL));
        clock.advance(Duration.ofSeconds(20));
        assertTrue(a.renew("job", TTL, "{\"moved\":10}"));
        clock.advance(Duration.ofSeconds(20));
        assertFalse(b.acquire("job", TTL), "renewed 20 s ago, so still a's");
        assertEquals("{\"moved\":10}", b.read("job").orElseThrow().state());
        a.release("job", "{\"moved\":20}");
        assertTrue(b.acquire("job", TTL), "released");
        assertEquals("{\"moved\":20}", b.read("job").orElseThrow().state(), "the report stays");
    }

    @Test
    void leasesOfDifferentNamesAreIndependent() {
        assertTrue(a.acquire("audit-verify", TTL));
        assertTrue(b.acquire("audit-purge", TTL));
        assertTrue(b.read("nothing").isEmpty());
    }

}
