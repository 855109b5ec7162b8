package com.mimeeqportal.web;

import com.mimeeqportal.system.Database;
import com.sun.management.GcInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        Optional<OldCollection> lastCollection = lastOldCollection(ManagementFactory.getGarbageCollectorMXBeans());
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        boolean heapExhausted = heapExhausted(lastCollection, uptime);
        return HealthCheckResponse.named("application")
                .status(databaseUsable && templates && !heapExhausted)
                .withData("database", databaseUsable ? "usable" : "closed")
                .withData("templates", templates ? "render" : "broken")
                .withData("heapAfterGc", String.format(Locale.ROOT, "%.0f%%",
                        lastCollection.map(OldCollection::usedShare).orElse(0.0) * 100))
                .withData("lastFullGc", lastCollection.map(last -> (uptime - last.endMillis()) / 1000 + " s ago")
                        .orElse("none"))
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
     * The old generation's last collection, as its collector reported it: when it ended (milliseconds since the
     * JVM started) and the share of the old generation still in use right after it. Both come from the same
     * {@link GcInfo}, so the figure and its age always describe one collection.
     */
    record OldCollection(long endMillis, double usedShare) {
    }

    /**
     * Whether the heap is full of live objects: the old generation at least {@link #HEAP_LIMIT} full after a
     * collection that ended within {@link #RECENT_COLLECTION} of {@code uptime} (milliseconds since the JVM
     * started). Usage before a collection says nothing: a healthy heap fills up between collections.
     */
    static boolean heapExhausted(Optional<OldCollection> last, long uptime) {
        return last.filter(collection -> collection.usedShare() >= HEAP_LIMIT
                && uptime - collection.endMillis() <= RECENT_COLLECTION.toMillis()).isPresent();
    }

    /** The latest collection of the old generation in this JVM, if there has been one. */
    static Optional<OldCollection> lastOldCollection(List<GarbageCollectorMXBean> collectors) {
        OldCollection latest = null;
        for (GarbageCollectorMXBean collector : collectors) {
            // With the serial collector that is MarkSweepCompact (Copy collects only the young pools).
            if (collector instanceof com.sun.management.GarbageCollectorMXBean withInfo
                    && Arrays.stream(collector.getMemoryPoolNames()).anyMatch(ApplicationLiveness::isOldGeneration)) {
                GcInfo last = withInfo.getLastGcInfo();
                if (last != null && (latest == null || last.getEndTime() > latest.endMillis())) {
                    latest = new OldCollection(last.getEndTime(), oldGenerationShare(last.getMemoryUsageAfterGc()));
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The fullest old-generation pool of a collection's after-figures, as a share of its maximum. */
    static double oldGenerationShare(Map<String, MemoryUsage> afterGc) {
        double fullest = 0;
        for (Map.Entry<String, MemoryUsage> pool : afterGc.entrySet()) {
            MemoryUsage usage = pool.getValue();
            if (isOldGeneration(pool.getKey()) && usage.getMax() > 0) {
                fullest = Math.max(fullest, (double) usage.getUsed() / usage.getMax());
            }
        }
        return fullest;
    }

    /** The young generation is nearly empty or nearly full after a GC depending on timing; only the old one tells. */
    private static boolean isOldGeneration(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("old") || lower.contains("tenured");
    }
}
