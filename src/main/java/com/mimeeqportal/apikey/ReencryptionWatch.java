package com.mimeeqportal.apikey;

import com.mimeeqportal.system.PortalConfig;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every third of a lease time, on every instance: {@link KeysetRotation#watch()} renews this instance's lease on a
 * running re-encryption, or resumes one whose instance died. A non-persistent EJB timer, like the audit jobs,
 * started by {@code boot/Startup} once the portal has started.
 */
@Singleton
public class ReencryptionWatch {

    private static final Logger LOG = Logger.getLogger(ReencryptionWatch.class.getName());

    @Resource
    TimerService timers;

    @Inject
    KeysetRotation rotation;

    @Inject
    PortalConfig config;

    /** Creates the timer (once). */
    public void start() {
        if (!timers.getTimers().isEmpty()) {
            return;
        }
        long every = Math.max(1000, config.clusterLease().toMillis() / 3);
        timers.createIntervalTimer(every, every, new TimerConfig("keyset re-encryption watch", false));
    }

    @Timeout
    void watch() {
        try {
            rotation.watch();
        } catch (RuntimeException e) {
            // The database is away, say; the next tick tries again.
            LOG.log(Level.FINE, "The keyset re-encryption watch could not look at its lease", e);
        }
    }
}
