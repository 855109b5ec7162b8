package com.mimeeqportal.web;

import com.mimeeqportal.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * /health/live reports DOWN when only a restart can bring the portal back: the database pool or H2 file
 * closed for good (H2 closes itself after an OutOfMemoryError), the template engine unable to render, or
 * the heap still nearly full right after a recent collection of the old generation. A database that is merely
 * unreachable is readiness's business (it may come back), not a reason to restart.
 */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ApplicationLiveness.class.getName());
    static final double HEAP_LIMIT = 0.95;
    /**
     * How recent the old generation's last collection must be for its result to count. The figure after a
     * collection stays as it was until the next one: after a connection storm a portal whose heap had filled and
     * then emptied again, with no pressure for another full collection, reported DOWN for as long as it ran idle,
     * and a supervisor would have restarted it. A heap really full of live objects is collected again and again.
     */
    static final Duration RECENT_COLLECTION = Duration.ofSeconds(60);
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(2);

    private final Database database;
    private final Views views;

    @Inject
    public ApplicationLiveness(Database database, Views views) {
        this.database = database;
        this.views = views;
    }

    protected ApplicationLiveness() {
        this.database = null;
        this.views = null;
    }

    @Override
    public HealthCheckResponse call() {
        boolean databaseUsable = database.health(DATABASE_TIMEOUT) != Database.Health.BROKEN;
        boolean templates = rendersTemplates();
        double heap = heapUsedAfterGc(ManagementFactory.getMemoryPoolMXBeans());
        OptionalLong lastCollection = lastOldCollectionEnd(ManagementFactory.getGarbageCollectorMXBeans());
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        boolean heapExhausted = heapExhausted(heap, lastCollection, uptime);
        return HealthCheckResponse.named("application")
                .status(databaseUsable && templates && !heapExhausted)
                .withData("database", databaseUsable ? "usable" : "closed")
                .withData("templates", templates ? "render" : "broken")
                .withData("heapAfterGc", String.format(java.util.Locale.ROOT, "%.0f%%", heap * 100))
                .withData("lastFullGc", lastCollection.isPresent()
                        ? (uptime - lastCollection.getAsLong()) / 1000 + " s ago" : "none")
                .build();
    }

    private boolean rendersTemplates() {
        try {
            return views.renders();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "The template engine no longer renders", e);
            return false;
        }
    }

    /**
     * Whether the heap is full of live objects: the old generation at least {@link #HEAP_LIMIT} full after a
     * collection that ended within {@link #RECENT_COLLECTION} (times in milliseconds since the JVM started).
     */
    static boolean heapExhausted(double usedAfterGc, OptionalLong lastOldCollectionEnd, long uptime) {
        return usedAfterGc >= HEAP_LIMIT && lastOldCollectionEnd.isPresent()
                && uptime - lastOldCollectionEnd.getAsLong() <= RECENT_COLLECTION.toMillis();
    }

    /** When the last collection of the old generation ended, in milliseconds since the JVM started, if known. */
    static OptionalLong lastOldCollectionEnd(List<GarbageCollectorMXBean> collectors) {
        OptionalLong latest = OptionalLong.empty();
        for (GarbageCollectorMXBean collector : collectors) {
            // With the serial collector that is MarkSweepCompact (Copy collects only the young pools).
            if (collector instanceof com.sun.management.GarbageCollectorMXBean withInfo
                    && Arrays.stream(collector.getMemoryPoolNames()).anyMatch(ApplicationLiveness::isOldGeneration)) {
                com.sun.management.GcInfo last = withInfo.getLastGcInfo();
                if (last != null && (latest.isEmpty() || last.getEndTime() > latest.getAsLong())) {
                    latest = OptionalLong.of(last.getEndTime());
                }
            }
        }
        return latest;
    }

    /**
     * The fullest heap pool, as a share of its maximum, measured right after the last collection (0 before the
     * first). Usage before a collection says nothing: a healthy heap fills up between collections.
     */
    static double heapUsedAfterGc(List<MemoryPoolMXBean> pools) {
        double fullest = 0;
        for (MemoryPoolMXBean pool : pools) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null && afterGc.getMax() > 0 && isOldGeneration(pool.getName())) {
                fullest = Math.max(fullest, (double) afterGc.getUsed() / afterGc.getMax());
            }
        }
        return fullest;
    }

    /** The young generation is nearly empty or nearly full after a GC depending on timing; only the old one tells. */
    private static boolean isOldGeneration(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("old") || lower.contains("tenured");
    }
}
