package com.mimeeqportal.audit;

import com.mimeeqportal.system.PortalConfig;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The clock for {@link AuditMaintenance}: hourly verification (with checkpoints) and hourly retention.
 * An EJB singleton because its {@code @Schedule} timers work on Payara Micro without further setup;
 * non-persistent, so there is no timer database; and singleton-locked, so a purge and a verification
 * of this instance never run at the same time.
 */
@Singleton
@Startup
public class AuditSchedule {

    private static final Logger LOG = Logger.getLogger(AuditSchedule.class.getName());

    @Inject
    AuditMaintenance maintenance;

    @Inject
    PortalConfig config;

    @Schedule(hour = "*", minute = "7", persistent = false, info = "audit verification")
    void verify() {
        if (config.auditJobsEnabled()) {
            run("verification", () -> maintenance.verifyAll());
        }
    }

    @Schedule(hour = "*", minute = "37", persistent = false, info = "audit retention")
    void purge() {
        if (config.auditJobsEnabled()) {
            run("retention", () -> maintenance.purgeAll());
        }
    }

    private static void run(String job, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // A timer whose method throws may be retried or cancelled by the container; log and wait for the next hour.
            LOG.log(Level.SEVERE, "Audit " + job + " job failed", e);
        }
    }
}
