package com.mimeeqportal.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The bytes an entry's hash is computed over: a version tag, the tenant, the chain position (sequence
 * number and previous hash), then every field of the entry in a fixed order.
 *
 * <p>Each field is written as its UTF-8 length, a colon and its bytes, or as {@code ~} when absent, so
 * no choice of field values can make two different entries serialise alike ("ab" + "c" vs "a" + "bc",
 * null vs "null"). Times are UTC with exactly six fraction digits, the precision PostgreSQL stores.
 */
public final class CanonicalForm {

    /** Changes whenever the layout below changes, so old and new entries can never be confused. */
    static final String VERSION = "mimeeq-portal/audit-chain/v1";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    private CanonicalForm() {
    }

    /**
     * Read from the row itself, when it is written and when it is verified, so that what is hashed is
     * exactly what is stored: no normalisation on the way can hide an edit.
     */
    public static byte[] of(AuditEvent e) {
        return new CanonicalForm()
                .field(VERSION)
                .field(e.tenantId())
                .field(Long.toString(e.seq()))
                .field(e.prevHash())
                .field(e.occurredAt() == null ? null : TIME.format(e.occurredAt()))
                .field(e.actor())
                .field(e.clientIp())
                .field(e.type() == null ? null : e.type().name())
                .field(e.outcome() == null ? null : e.outcome().name())
                .field(e.reason())
                .field(e.target())
                .field(e.detail())
                .field(e.httpStatus() == null ? null : e.httpStatus().toString())
                .field(e.durationMs() == null ? null : e.durationMs().toString())
                .field(e.correlationId())
                .out.toByteArray();
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    private CanonicalForm field(String value) {
        if (value == null) {
            out.write('~');
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
        return this;
    }
}
