package com.mimeeqportal.system;

/**
 * The audit log cannot take an entry right now, so the action that needed it was not performed (fail
 * closed). The error page turns it into a 503 that says so.
 */
public final class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(Throwable cause) {
        super("The audit log cannot be written", cause);
    }
}
