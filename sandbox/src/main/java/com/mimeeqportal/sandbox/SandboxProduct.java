package com.mimeeqportal.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A product in the sandbox catalog: what Mimeeq's product list reports about it, plus what it is made of (its
 * blocks and options) and whom it belongs to, so that the other endpoints can answer from the same record.
 *
 * @param ownerAccountId the account that owns the product; it is listed there with {@code isOwn: true}
 * @param sharedWith     the other accounts the owner shares it with; they list it with {@code isOwn: false}
 * @param designer       empty when the product names no designer (the field is optional in Mimeeq's list)
 * @param embedShortCode the embed short code of the product variant (6 characters {@code [A-Z0-9]})
 */
public record SandboxProduct(
        String productId,
        String ownerAccountId,
        Set<String> sharedWith,
        String variantCode,
        LocalizedText name,
        LocalizedText displayName,
        Status status,
        Mode mode,
        Type type,
        boolean visibility,
        Privacy privacy,
        List<SandboxBlock> blocks,
        String manufacturer,
        Optional<String> designer,
        String collection,
        Instant createdAt,
        Instant modifiedAt,
        String embedShortCode) {

    private static final Pattern PRODUCT_ID =
            Pattern.compile("PROD-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SHORT_CODE = Pattern.compile("[A-Z0-9]{6}");

    public enum Status { ACTIVE, INACTIVE }

    public enum Mode { VARIANT, MODULAR, STANDARD }

    public enum Privacy { PUBLIC, PRIVATE, RESTRICTED_TO }

    /** Whether the product is shown as a 3D model or as 2D images; Mimeeq's values start with a digit. */
    public enum Type {
        THREE_D("3D"), TWO_D("2D");

        private final String apiValue;

        Type(String apiValue) {
            this.apiValue = apiValue;
        }

        public String apiValue() {
            return apiValue;
        }
    }

    public SandboxProduct {
        require(PRODUCT_ID.matcher(Objects.requireNonNull(productId, "productId")).matches(),
                "productId must be PROD-<uuid>, not '" + productId + "'");
        Objects.requireNonNull(ownerAccountId, "ownerAccountId");
        sharedWith = Set.copyOf(sharedWith);
        require(!sharedWith.contains(ownerAccountId), productId + " cannot be shared with its owner");
        Objects.requireNonNull(variantCode, "variantCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(privacy, "privacy");
        blocks = List.copyOf(blocks);
        require(!blocks.isEmpty(), productId + " needs at least one block");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(designer, "designer");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        require(!modifiedAt.isBefore(createdAt), productId + " cannot be modified before it was created");
        require(SHORT_CODE.matcher(Objects.requireNonNull(embedShortCode, "embedShortCode")).matches(),
                "embedShortCode must be 6 characters A-Z or 0-9, not '" + embedShortCode + "'");
    }

    /** The configuration a configurator opens with: each block's default, e.g. {@code Fabric-a7&Colour-a1}. */
    public String defaultConfigurationCode() {
        return blocks.stream()
                .map(block -> block.configurationPart(block.defaultOption()))
                .collect(Collectors.joining("&"));
    }

    public boolean isOwnedBy(SandboxAccount account) {
        return ownerAccountId.equals(account.id());
    }

    /** Mimeeq's key scope: an account reaches the products it owns and those shared with it. */
    public boolean isAvailableTo(SandboxAccount account) {
        return isOwnedBy(account) || sharedWith.contains(account.id());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
