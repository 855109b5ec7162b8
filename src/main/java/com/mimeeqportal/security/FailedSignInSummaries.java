package com.mimeeqportal.security;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a minute, writes the summaries of failed sign-ins whose minute has ended ({@link FailedSignIns}), so a
 * flood that stops is still recorded soon. An EJB timer for the same reason as the audit jobs': it works on
 * Payara Micro without setup; non-persistent, as the counts themselves are in memory.
 */
@Singleton
public class FailedSignInSummaries {

    private static final Logger LOG = Logger.getLogger(FailedSignInSummaries.class.getName());

    @Inject
    FailedSignIns failures;

    @Schedule(hour = "*", minute = "*", second = "5", persistent = false, info = "failed sign-in summaries")
    void write() {
        try {
            failures.writeSummaries();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Writing the failed sign-in summaries failed", e);
        }
    }
}
