package com.mimeeqportal.sandbox;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads and writes the fault settings of the admin hook {@code PUT /_admin/accounts/{id}/faults}. Every field is
 * optional and takes its default when left out; unknown fields are refused, so a typo does not pass silently.
 */
final class FaultSettingsJson {

    /** One provider for every document: {@code Json.create…} looks the provider up (a ServiceLoader scan) on each call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String LATENCY = "latencyMs";
    static final String FAIL_NEXT = "failNext";
    static final String MALFORMED_NEXT = "malformedNext";
    static final String RATE_LIMIT = "rateLimitPerSecond";
    static final String RETRY_AFTER = "retryAfterSeconds";
    private static final Set<String> FIELDS = Set.of(LATENCY, FAIL_NEXT, MALFORMED_NEXT, RATE_LIMIT, RETRY_AFTER);

    private FaultSettingsJson() {
    }

    /** The settings a request body asks for, or an {@link ApiError.ApiException} (400) naming the bad field. */
    static FaultSettings parse(String body) {
        JsonObject json = object(body);
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                throw invalid(field, "unknown field; known are " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        FaultSettings defaults = FaultSettings.NONE;
        try {
            return new FaultSettings(
                    integer(json, LATENCY).orElse(defaults.latencyMs()),
                    statuses(json),
                    integer(json, MALFORMED_NEXT).orElse(defaults.malformedNext()),
                    integer(json, RATE_LIMIT),
                    integer(json, RETRY_AFTER).orElse(defaults.retryAfterSeconds()));
        } catch (IllegalArgumentException e) {
            throw ApiError.validation("body", e.getMessage()).exception();
        }
    }

    static JsonObject write(FaultSettings settings) {
        JsonArrayBuilder failNext = JSON.createArrayBuilder();
        settings.failNext().forEach(failNext::add);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add(LATENCY, settings.latencyMs())
                .add(FAIL_NEXT, failNext)
                .add(MALFORMED_NEXT, settings.malformedNext());
        settings.rateLimitPerSecond().ifPresentOrElse(limit -> json.add(RATE_LIMIT, limit),
                () -> json.addNull(RATE_LIMIT));
        return json.add(RETRY_AFTER, settings.retryAfterSeconds()).build();
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw invalid("body", "the body must be a JSON object");
        }
    }

    /** The field's whole number; empty if absent or null. */
    private static OptionalInt integer(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == ValueType.NULL) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(wholeNumber(value, field));
    }

    private static List<Integer> statuses(JsonObject json) {
        JsonValue value = json.get(FAIL_NEXT);
        if (value == null || value.getValueType() == ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != ValueType.ARRAY) {
            throw invalid(FAIL_NEXT, FAIL_NEXT + " must be an array of HTTP statuses, e.g. [500, 503]");
        }
        List<Integer> statuses = new ArrayList<>();
        value.asJsonArray().forEach(status -> statuses.add(wholeNumber(status, FAIL_NEXT)));
        return statuses;
    }

    private static int wholeNumber(JsonValue value, String field) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                // falls through to the error below
            }
        }
        throw invalid(field, field + " must be a whole number, not " + value);
    }

    private static ApiError.ApiException invalid(String field, String message) {
        return ApiError.validation(field, message).exception();
    }
}
