package com.mimeeqportal.mimeeq;

import com.mimeeqportal.input.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a price comes from: exactly one of a public price list group, price list ids, a company, or an
 * embed template (docs/mimeeq-api.md, "Price"). The portal always sends exactly one, so Mimeeq's priority rules
 * between several never decide a price behind the user's back.
 */
public sealed interface PricingSource {

    Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    /** The query parameter and its value. */
    Map<String, String> parameter();

    /** The kind's name, as the pricing form and the audit log spell it. */
    String kind();

    /** The value as typed back into the form. */
    String display();

    record PriceListGroup(String slug) implements PricingSource {
        public PriceListGroup {
            slug = checked(slug, "sourceValue");
        }

        public Map<String, String> parameter() {
            return Map.of("priceListGroup", slug);
        }

        public String kind() {
            return "group";
        }

        public String display() {
            return slug;
        }
    }

    record PriceLists(List<String> ids) implements PricingSource {
        public PriceLists {
            if (ids.isEmpty() || ids.size() > 20) {
                throw new InvalidInputException("sourceValue", "validation.pricing.priceLists");
            }
            ids = ids.stream().map(id -> checked(id, "sourceValue")).toList();
        }

        public Map<String, String> parameter() {
            return Map.of("priceListIds", String.join(",", ids));
        }

        public String kind() {
            return "lists";
        }

        public String display() {
            return String.join(", ", ids);
        }
    }

    record Company(String id) implements PricingSource {
        public Company {
            id = checked(id, "sourceValue");
        }

        public Map<String, String> parameter() {
            return Map.of("companyId", id);
        }

        public String kind() {
            return "company";
        }

        public String display() {
            return id;
        }
    }

    record EmbedTemplate(String id) implements PricingSource {
        public EmbedTemplate {
            id = checked(id, "sourceValue");
        }

        public Map<String, String> parameter() {
            return Map.of("templateId", id);
        }

        public String kind() {
            return "template";
        }

        public String display() {
            return id;
        }
    }

    /** Builds a source from the form's kind and value; an unknown kind or a bad value is a field error. */
    static PricingSource parse(String kind, String value) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidInputException("sourceKind", "validation.pricing.kind");
        }
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("sourceValue", "validation.required");
        }
        return switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "group" -> new PriceListGroup(value);
            case "lists" -> new PriceLists(Arrays.stream(value.split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList());
            case "company" -> new Company(value);
            case "template" -> new EmbedTemplate(value);
            default -> throw new InvalidInputException("sourceKind", "validation.pricing.kind");
        };
    }

    private static String checked(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "validation.required");
        }
        String stripped = value.strip();
        if (!ID.matcher(stripped).matches()) {
            throw new InvalidInputException(field, "validation.pricing.id");
        }
        return stripped;
    }
}
