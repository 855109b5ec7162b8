package com.mimeeqportal.mimeeq;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a Mimeeq call did not give an answer the portal can use, in the portal's terms. Pages turn the
 * kind into words; {@code upstreamMessage} is Mimeeq's own text where it sent one (shown escaped).
 */
public record MimeeqFailure(Kind kind, Integer httpStatus, String upstreamMessage, Duration retryAfter) {

    public enum Kind {
        /** The tenant has no key yet. */
        NO_KEY,
        /** Mimeeq rejected the key three times in a row; no call is made until an admin sets a new one. */
        KEY_INVALIDATED,
        /** The audit entry for the call could not be written, so the call was not made (fail closed). */
        AUDIT_UNAVAILABLE,
        /**
         * Mimeeq answered, but the call's audit entry could not be written in time: it is kept and written when
         * the audit log can be, and the answer is not shown (it was not audited when it would have been).
         */
        ANSWER_NOT_AUDITED,
        /** The stored key cannot be decrypted with this portal's master keyset. */
        KEY_UNREADABLE,
        /** Mimeeq answered 401: the key is wrong or was regenerated. */
        INVALID_KEY,
        FORBIDDEN,
        BAD_REQUEST,
        NOT_FOUND,
        /** Mimeeq refused because the product is inactive (it says so in a 404 or 400): not an unknown item. */
        PRODUCT_INACTIVE,
        RATE_LIMITED,
        UPSTREAM_ERROR,
        TIMEOUT,
        UNREACHABLE,
        MALFORMED_RESPONSE,
        /** Mimeeq answered 200 but with {@code errors} and zeroed prices: no price to show. */
        PRICING_REJECTED,
        /** Mimeeq asked this tenant to wait ({@code Retry-After}); the portal did not call. */
        WAITING_FOR_RATE_LIMIT,
        /** Too many calls to Mimeeq are in flight, for this tenant or in all; nothing was sent. */
        BUSY,
        /** Mimeeq failed too often just now; the portal pauses calls for a moment. */
        CIRCUIT_OPEN;

        /** The audit reason code. */
        public String reason() {
            return name();
        }
    }

    public static MimeeqFailure of(Kind kind) {
        return new MimeeqFailure(kind, null, null, null);
    }

    /** Whole seconds to wait, at least one, for the page and the Retry-After header. */
    public Long retryAfterSeconds() {
        return retryAfter == null ? null : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public Optional<String> message() {
        return Optional.ofNullable(upstreamMessage);
    }
}
