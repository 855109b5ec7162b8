package com.mimeeqportal.mimeeq;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** One product of the catalog, as the list endpoint describes it, in the portal's types. */
public record ProductSummary(String productId, String variantCode, Map<String, String> names, String status,
                             String mode, String type, boolean own, String previewImage, String collection,
                             String manufacturer, String defaultConfigurationCode, Instant modifiedAt) {

    public ProductSummary {
        Objects.requireNonNull(productId);
        names = Map.copyOf(names);
    }

    /** The English name, else any name, else the code: Mimeeq translates names per language. */
    public String name() {
        String english = names.get("en");
        if (english != null) {
            return english;
        }
        return names.values().stream().findFirst().orElse(variantCode == null ? productId : variantCode);
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** Whether {@code text} (already lower-case) occurs in a name in any language or in the code. */
    public boolean matches(String text) {
        return contains(variantCode, text) || contains(productId, text)
                || names.values().stream().anyMatch(n -> contains(n, text));
    }

    private static boolean contains(String value, String text) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text);
    }
}
