package com.mimeeqportal.sandbox;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The JSON bodies the sandbox answers with, field for field as docs/mimeeq-api.md documents them. Kept apart
 * from the resources so that tests can check the shapes without a server.
 */
final class SandboxJson {

    /** One provider for every document: {@code Json.create…} looks the provider up (a ServiceLoader scan) on each call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Mimeeq's timestamps always show milliseconds ({@code 2022-04-19T00:41:33.721Z}); Instant.toString drops .000. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SandboxJson() {
    }

    /** The body of {@code GET /get-products-general-info}: a bare array, no paging envelope. */
    static JsonArray productsGeneralInfo(List<SandboxProduct> products, SandboxAccount viewer, URI sandboxBase) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        products.forEach(product -> array.add(productGeneralInfo(product, viewer, sandboxBase)));
        return array.build();
    }

    /**
     * One {@code ProductGeneralInfo} as {@code viewer} sees it ({@code isOwn} depends on who asks).
     *
     * @param sandboxBase the sandbox's base URI, ending in {@code /}; preview images are served under it
     */
    static JsonObject productGeneralInfo(SandboxProduct product, SandboxAccount viewer, URI sandboxBase) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("productId", product.productId())
                .add("variantCode", product.variantCode())
                .add("name", translations(product.name()))
                .add("displayName", translations(product.displayName()))
                .add("status", product.status().name())
                .add("mode", product.mode().name())
                .add("type", product.type().apiValue())
                .add("visibility", product.visibility())
                .add("privacy", product.privacy().name())
                .add("defaultConfigurationCode", product.defaultConfigurationCode())
                .add("manufacturer", product.manufacturer());
        product.designer().ifPresent(designer -> json.add("designer", designer));
        return json
                .add("collection", product.collection())
                .add("previewImage", SandboxImageResource.previewImageUri(sandboxBase, product).toString())
                .add("isOwn", product.isOwnedBy(viewer))
                .add("createdAt", timestamp(product.createdAt()))
                .add("modifiedAt", timestamp(product.modifiedAt()))
                .add("embedShortCode", product.embedShortCode())
                .build();
    }

    /** The 401 body Mimeeq's authorization guide shows, which differs from its other error bodies. */
    static JsonObject invalidApiKey() {
        return JSON.createObjectBuilder().add("status", 401).add("message", "Invalid API Key").build();
    }

    /** Mimeeq's general error body, without field-level details ({@code payload} empty). */
    static JsonObject error(String message, String code) {
        return error(message, code, List.of());
    }

    /** Mimeeq's general error body; for a 400, {@code payload} names each bad parameter and what is wrong. */
    static JsonObject error(ApiError error) {
        return error(error.message(), error.code(), error.fieldErrors());
    }

    private static JsonObject error(String message, String code, List<ApiError.FieldError> fieldErrors) {
        JsonArrayBuilder payload = JSON.createArrayBuilder();
        fieldErrors.forEach(field -> payload.add(JSON.createObjectBuilder()
                .add("field", field.field())
                .add("message", field.message())));
        return JSON.createObjectBuilder()
                .add("message", message)
                .add("code", code)
                .add("payload", payload)
                .build();
    }

    /** The body of {@code POST /generate-product-short-code}. */
    static JsonObject shortCode(String shortCode) {
        return JSON.createObjectBuilder().add("shortCode", shortCode).build();
    }

    /** What the emulated admin panel shows for an account's key. */
    static JsonObject accountKey(String accountId, String apiKey) {
        return JSON.createObjectBuilder().add("accountId", accountId).add("apiKey", apiKey).build();
    }

    private static JsonObject translations(LocalizedText text) {
        return JSON.createObjectBuilder().add("en", text.en()).add("de", text.de()).build();
    }

    private static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
