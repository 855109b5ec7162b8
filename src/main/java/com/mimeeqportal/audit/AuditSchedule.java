package com.mimeeqportal.audit;

import com.mimeeqportal.system.ClusterLeases;
import com.mimeeqportal.system.JobSchedule;
import com.mimeeqportal.system.PortalConfig;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The clock for {@link AuditMaintenance}: hourly verification (with checkpoints) and hourly retention, at the
 * times {@code portal.audit.jobs.verify-schedule} and {@code purge-schedule} name. An EJB singleton because its
 * timers work on Payara Micro without further setup; non-persistent, so there is no timer database; and
 * singleton-locked, so a purge and a verification of this instance never run at the same time.
 *
 * <p>{@code boot/Startup} starts the timers once the portal has started, so a start that fails (a setting, the
 * database) fails there, with its reason and exit status, and no job runs on a half-started portal.
 *
 * <p>Once per cluster: every instance's timer fires, and the first to take the job's database lease (held until
 * shortly before the job's next time) runs it; the others log that and skip. A single instance takes it too.
 */
@Singleton
public class AuditSchedule {

    private static final Logger LOG = Logger.getLogger(AuditSchedule.class.getName());
    static final String VERIFY = "audit-verify";
    static final String PURGE = "audit-purge";

    @Resource
    TimerService timers;

    @Inject
    AuditMaintenance maintenance;

    @Inject
    PortalConfig config;

    @Inject
    ClusterLeases leases;

    /** Creates the two timers (once). */
    public void start() {
        if (!timers.getTimers().isEmpty()) {
            return;
        }
        timers.createCalendarTimer(expression(config.auditVerifySchedule()), new TimerConfig(VERIFY, false));
        timers.createCalendarTimer(expression(config.auditPurgeSchedule()), new TimerConfig(PURGE, false));
    }

    @Timeout
    void fire(Timer timer) {
        String job = (String) timer.getInfo();
        if (!config.auditJobsEnabled()) {
            return;
        }
        Instant now = Instant.now();
        // The next time names this time: the same on every instance, however late each one's timer fired.
        Instant next = timer.getNextTimeout().toInstant();
        String run = "Audit job " + job + " (next at " + next + ")";
        boolean mine;
        try {
            mine = leases.acquire(job, hold(now, next));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, run + ": its lease could not be taken (database?)", e);
            return;
        }
        if (!mine) {
            LOG.info(() -> run + ": another instance runs it; skipped here");
            return;
        }
        LOG.info(() -> run + ": runs on this instance (" + leases.self() + ")");
        if (job.equals(VERIFY)) {
            run("verification", () -> maintenance.verifyAll());
        } else {
            run("retention", () -> maintenance.purgeAll());
        }
    }

    /**
     * How long the job's lease is held: until a quarter of the interval (at most a minute) before its next time, so
     * an instance whose timer fires late for this time finds it taken, and the next time finds it free.
     */
    static Duration hold(Instant now, Instant next) {
        Duration interval = Duration.between(now, next);
        Duration margin = interval.dividedBy(4).compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1)
                : interval.dividedBy(4);
        Duration hold = interval.minus(margin);
        return hold.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : hold;
    }

    private static ScheduleExpression expression(JobSchedule schedule) {
        return new ScheduleExpression().second(schedule.second()).minute(schedule.minute()).hour(schedule.hour());
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
