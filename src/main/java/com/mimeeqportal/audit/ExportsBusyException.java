package com.mimeeqportal.audit;

/**
 * The tenant already has as many audit exports streaming as it may ({@code portal.audit.export.concurrent-per-tenant});
 * the page answers 429 and asks to try again when one has finished.
 */
public final class ExportsBusyException extends RuntimeException {

    public ExportsBusyException() {
        super("Too many audit exports of this tenant are running");
    }
}
