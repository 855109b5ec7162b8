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
        /** The stored key cannot be decrypted with this portal's master keyset. */
        KEY_UNREADABLE,
        /** Mimeeq answered 401: the key is wrong or was regenerated. */
        INVALID_KEY,
        FORBIDDEN,
        BAD_REQUEST,
        NOT_FOUND,
        RATE_LIMITED,
        UPSTREAM_ERROR,
        TIMEOUT,
        UNREACHABLE,
        MALFORMED_RESPONSE;

        /** The audit reason code. */
        public String reason() {
            return name();
        }
    }

    public static MimeeqFailure of(Kind kind) {
        return new MimeeqFailure(kind, null, null, null);
    }

    public Optional<String> message() {
        return Optional.ofNullable(upstreamMessage);
    }
}
