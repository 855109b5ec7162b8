package com.mimeeqportal.mimeeq;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Mimeeq's replies in the portal's terms: a status code and body become a {@link MimeeqResult}, either
 * the translated value or a {@link MimeeqFailure} of the right kind, with Mimeeq's own message and
 * {@code Retry-After} when it gave them (docs/mimeeq-api.md, "Errors"). The endpoint-specific bodies are
 * read by {@link ProductListTranslation}, {@link ProductInfoTranslation} and {@link PriceTranslation}.
 */
final class MimeeqReplyTranslation {

    private MimeeqReplyTranslation() {
    }

    static <T> MimeeqResult<T> translate(MimeeqHttpClient.HttpReply reply, Function<String, MimeeqResult<T>> translation) {
        int status = reply.status();
        if (reply.oversized()) {
            return MimeeqResult.failed(new MimeeqFailure(MimeeqFailure.Kind.MALFORMED_RESPONSE, status, null, null));
        }
        if (status >= 200 && status < 300) {
            MimeeqResult<T> result = translation.apply(reply.body());
            if (result instanceof MimeeqResult.Failed<T> failed && failed.failure().httpStatus() == null) {
                MimeeqFailure f = failed.failure();
                return MimeeqResult.failed(new MimeeqFailure(f.kind(), status, f.upstreamMessage(), f.retryAfter()));
            }
            return result;
        }
        MimeeqFailure.Kind kind = switch (status) {
            case 400 -> MimeeqFailure.Kind.BAD_REQUEST;
            case 401 -> MimeeqFailure.Kind.INVALID_KEY;
            case 403 -> MimeeqFailure.Kind.FORBIDDEN;
            case 404 -> MimeeqFailure.Kind.NOT_FOUND;
            case 429 -> MimeeqFailure.Kind.RATE_LIMITED;
            default -> MimeeqFailure.Kind.UPSTREAM_ERROR;
        };
        Optional<String> message = errorMessage(reply.body());
        if ((kind == MimeeqFailure.Kind.NOT_FOUND || kind == MimeeqFailure.Kind.BAD_REQUEST) && aboutAnInactiveProduct(message)) {
            kind = MimeeqFailure.Kind.PRODUCT_INACTIVE;
        }
        return MimeeqResult.failed(new MimeeqFailure(kind, status, message.orElse(null),
                retryAfter(reply.retryAfter())));
    }

    /** Mimeeq says "Product … is inactive" when it refuses an inactive product: the page should say that. */
    static boolean aboutAnInactiveProduct(Optional<String> message) {
        return message.map(m -> m.toLowerCase(Locale.ROOT).matches("(?s).*\\binactive\\b.*")).orElse(false);
    }

    static <T> Function<String, MimeeqResult<T>> orMalformed(Function<String, Optional<T>> translation) {
        return body -> translation.apply(body).map(MimeeqResult::ok)
                .orElseGet(() -> MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.MALFORMED_RESPONSE)));
    }

    /** docs/mimeeq-api.md, "Errors": a 400 about the short code means the same as a 404, "no such short code". */
    static <T> MimeeqResult<T> notFoundIfAboutTheShortCode(MimeeqResult<T> result) {
        if (result instanceof MimeeqResult.Failed<T> failed && failed.failure().kind() == MimeeqFailure.Kind.BAD_REQUEST
                && failed.failure().message().map(m -> m.toLowerCase(Locale.ROOT).contains("short code")
                || m.toLowerCase(Locale.ROOT).contains("shortcode")).orElse(false)) {
            MimeeqFailure f = failed.failure();
            return MimeeqResult.failed(new MimeeqFailure(MimeeqFailure.Kind.NOT_FOUND, f.httpStatus(),
                    f.upstreamMessage(), null));
        }
        return result;
    }

    static Optional<ShortCode> shortCode(String body) {
        return JsonReading.parse(body).filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .flatMap(json -> JsonReading.text(json, "shortCode"))
                .flatMap(code -> {
                    try {
                        return Optional.of(new ShortCode(code));
                    } catch (RuntimeException notAShortCode) {
                        return Optional.empty();
                    }
                });
    }

    /** Mimeeq's message from either error shape: {@code {status, message}} or {@code {message, code, payload}}. */
    static Optional<String> errorMessage(String body) {
        return JsonReading.parse(body).filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .flatMap(json -> JsonReading.text(json, "message"));
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is not used by Mimeeq); bounded to an hour. */
    static Duration retryAfter(String header) {
        if (header == null || !header.trim().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Math.min(3600, Long.parseLong(header.trim())));
    }
}
