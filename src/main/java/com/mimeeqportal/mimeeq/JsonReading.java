package com.mimeeqportal.mimeeq;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tolerant reading of Mimeeq's JSON (docs/mimeeq-api.md, "Reading replies"): numbers may come as strings, booleans as
 * strings, translated texts as an object or a plain string, and any field may be missing or null.
 */
final class JsonReading {

    /** One provider for every document: {@code Json.create…} looks the provider up (a ServiceLoader scan) on each call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonReading() {
    }

    static Optional<String> text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.getValueType()) {
            case STRING -> Optional.of(((JsonString) value).getString()).filter(s -> !s.isEmpty());
            case NUMBER, TRUE, FALSE -> Optional.of(value.toString());
            default -> Optional.empty();
        };
    }

    static boolean flag(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null) {
            return false;
        }
        return switch (value.getValueType()) {
            case TRUE -> true;
            case STRING -> "true".equalsIgnoreCase(((JsonString) value).getString().trim());
            case NUMBER -> ((JsonNumber) value).intValue() != 0;
            default -> false;
        };
    }

    static Map<String, String> translations(JsonObject object, String name) {
        JsonValue value = object.get(name);
        Map<String, String> texts = new LinkedHashMap<>();
        if (value instanceof JsonObject translated) {
            translated.forEach((language, text) -> {
                if (text instanceof JsonString s && !s.getString().isBlank()) {
                    texts.put(language, s.getString());
                }
            });
        } else if (value instanceof JsonString s && !s.getString().isBlank()) {
            texts.put("en", s.getString());
        }
        return texts;
    }

    /** A number, also when Mimeeq sends it as a string ({@code "quantityMin":"5"}). */
    static Optional<java.math.BigDecimal> decimal(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value instanceof JsonNumber number) {
            return Optional.of(number.bigDecimalValue());
        }
        if (value instanceof JsonString string) {
            try {
                return Optional.of(new java.math.BigDecimal(string.getString().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static List<JsonObject> objects(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (!(value instanceof jakarta.json.JsonArray array)) {
            return List.of();
        }
        List<JsonObject> objects = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            if (element instanceof JsonObject found) {
                objects.add(found);
            }
        }
        return objects;
    }

    static List<String> texts(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (!(value instanceof jakarta.json.JsonArray array)) {
            return List.of();
        }
        List<String> texts = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            if (element instanceof JsonString text) {
                texts.add(text.getString());
            }
        }
        return texts;
    }

    /** The body as a JSON value, or empty when it is not JSON at all. */
    static Optional<JsonValue> parse(String body) {
        try (var reader = JSON.createReader(new java.io.StringReader(body))) {
            return Optional.of(reader.readValue());
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> instant(JsonObject object, String name) {
        return text(object, name).flatMap(s -> {
            try {
                return Optional.of(Instant.parse(s));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
