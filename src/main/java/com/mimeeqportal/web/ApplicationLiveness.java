package com.mimeeqportal.web;

import com.mimeeqportal.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * /health/live reports DOWN when only a restart can bring the portal back: the database pool or H2 file
 * closed for good (H2 closes itself after an OutOfMemoryError), the template engine unable to render, or
 * the heap still nearly full right after a garbage collection. A database that is merely unreachable is
 * readiness's business (it may come back), not a reason to restart.
 */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ApplicationLiveness.class.getName());
    static final double HEAP_LIMIT = 0.95;
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
        return HealthCheckResponse.named("application")
                .status(databaseUsable && templates && heap < HEAP_LIMIT)
                .withData("database", databaseUsable ? "usable" : "closed")
                .withData("templates", templates ? "render" : "broken")
                .withData("heapAfterGc", String.format(java.util.Locale.ROOT, "%.0f%%", heap * 100))
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
