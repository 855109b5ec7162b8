package com.mimeeqportal.audit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds, appends the entries {@link AuditSpool} kept while the database was away. Per instance
 * on purpose: the spool lives in this instance's data directory. Singleton-locked, so two replays of this
 * instance never append the same file twice.
 */
@Singleton
@Startup
public class AuditSpoolReplay {

    private static final Logger LOG = Logger.getLogger(AuditSpoolReplay.class.getName());

    @Inject
    AuditSpool spool;

    @Inject
    AuditLog audit;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "audit spool replay")
    void replay() {
        try {
            int appended = spool.replay(audit::record);
            if (appended > 0) {
                LOG.info(() -> appended + " audit entries kept during a database outage are now in their chains");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Audit spool replay failed", e);
        }
    }
}
