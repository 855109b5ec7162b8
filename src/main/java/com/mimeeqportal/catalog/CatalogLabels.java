package com.mimeeqportal.catalog;

import com.mimeeqportal.input.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog table's names for Mimeeq's product modes and statuses in one language, worked out once per language
 * instead of two message lookups for every row (fifty a page, a tenth of the page's render in a profile). A mode or
 * status Mimeeq adds later has no name here, and the table shows it as Mimeeq sends it.
 */
public record CatalogLabels(Map<String, String> modes, Map<String, String> statuses) {

    static final List<String> MODES = List.of("VARIANT", "MODULAR", "STANDARD");
    static final List<String> STATUSES = List.of("ACTIVE", "INACTIVE");

    private static final Map<Locale, CatalogLabels> BY_LANGUAGE = new ConcurrentHashMap<>();

    public CatalogLabels {
        modes = Map.copyOf(modes);
        statuses = Map.copyOf(statuses);
    }

    /** The names in {@code locale}'s language, or in English if the portal does not speak it. */
    public static CatalogLabels in(Locale locale) {
        return BY_LANGUAGE.computeIfAbsent(Messages.supported(locale), language -> new CatalogLabels(
                named(language, "catalog.mode.", MODES), named(language, "catalog.status.", STATUSES)));
    }

    private static Map<String, String> named(Locale language, String prefix, List<String> values) {
        return values.stream().collect(Collectors.toMap(Function.identity(),
                value -> Messages.get(language, prefix + value)));
    }
}
