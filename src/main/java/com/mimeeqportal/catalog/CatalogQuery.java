package com.mimeeqportal.catalog;

import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.input.PageRequest;
import com.mimeeqportal.input.Text;
import com.mimeeqportal.mimeeq.ProductSummary;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A search of the catalog as the page's GET form states it: free text over names and codes, filters
 * (own or shared, mode, type, status, collection, manufacturer), a sort and a page. Every value is
 * checked; an unknown filter value is a 400, not an empty page.
 */
public record CatalogQuery(String search, String ownership, String mode, String type, String status,
                           String collection, String manufacturer, String sort, PageRequest page) {

    public static final int PAGE_SIZE = 25;
    private static final Set<String> OWNERSHIPS = Set.of("", "own", "shared");
    private static final Set<String> MODES = Set.of("", "VARIANT", "MODULAR", "STANDARD");
    private static final Set<String> TYPES = Set.of("", "3D", "2D");
    private static final Set<String> STATUSES = Set.of("", "ACTIVE", "INACTIVE");
    private static final Map<String, Comparator<ProductSummary>> SORTS = sorts();

    public CatalogQuery {
        search = optionalText(search, "q").toLowerCase(Locale.ROOT);
        ownership = oneOf(ownership, OWNERSHIPS, "own", Function.identity());
        mode = oneOf(mode, MODES, "mode", s -> s.toUpperCase(Locale.ROOT));
        type = oneOf(type, TYPES, "type", s -> s.toUpperCase(Locale.ROOT));
        status = oneOf(status, STATUSES, "status", s -> s.toUpperCase(Locale.ROOT));
        collection = optionalText(collection, "collection");
        manufacturer = optionalText(manufacturer, "manufacturer");
        sort = oneOf(sort == null || sort.isBlank() ? "name" : sort, SORTS.keySet(), "sort", Function.identity());
        Objects.requireNonNull(page);
    }

    /** Reads the page's query parameters. */
    public static CatalogQuery from(Function<String, String> parameter) {
        return new CatalogQuery(parameter.apply("q"), parameter.apply("own"), parameter.apply("mode"),
                parameter.apply("type"), parameter.apply("status"), parameter.apply("collection"),
                parameter.apply("manufacturer"), parameter.apply("sort"),
                PageRequest.parse(parameter.apply("page"), PAGE_SIZE));
    }

    public static CatalogQuery all() {
        return from(name -> null);
    }

    boolean accepts(ProductSummary p) {
        return (search.isEmpty() || p.matches(search))
                && (ownership.isEmpty() || p.own() == ownership.equals("own"))
                && (mode.isEmpty() || mode.equals(p.mode()))
                && (type.isEmpty() || type.equals(p.type()))
                && (status.isEmpty() || status.equals(p.status()))
                && (collection.isEmpty() || collection.equals(p.collection()))
                && (manufacturer.isEmpty() || manufacturer.equals(p.manufacturer()));
    }

    /** The filters as query parameters, without the page, for links that keep them (pager, sort). */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", search);
        parameters.put("own", ownership);
        parameters.put("mode", mode);
        parameters.put("type", type);
        parameters.put("status", status);
        parameters.put("collection", collection);
        parameters.put("manufacturer", manufacturer);
        parameters.put("sort", sort);
        parameters.values().removeIf(String::isEmpty);
        return parameters;
    }

    /** The catalog path for page {@code number} of this same search, e.g. for the pager's links. */
    public String link(int number) {
        StringBuilder link = new StringBuilder("/catalog?page=").append(number);
        parameters().forEach((name, value) -> link.append('&').append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return link.toString();
    }

    public boolean filtered() {
        return !search.isEmpty() || !ownership.isEmpty() || !mode.isEmpty() || !type.isEmpty() || !status.isEmpty()
                || !collection.isEmpty() || !manufacturer.isEmpty();
    }

    private static String optionalText(String raw, String field) {
        return raw == null || raw.isBlank() ? "" : Text.singleLine(raw, field, 1, 100);
    }

    private static String oneOf(String raw, Set<String> allowed, String field, Function<String, String> normal) {
        String value = raw == null ? "" : normal.apply(raw.strip());
        if (!allowed.contains(value)) {
            throw new InvalidInputException(field, "validation.catalog.filter");
        }
        return value;
    }

    /** {@code products} in each order a query can ask for, by the name of the sort. */
    static Map<String, List<ProductSummary>> sortedEveryWay(List<ProductSummary> products) {
        Map<String, List<ProductSummary>> sorted = new HashMap<>();
        SORTS.forEach((name, comparator) -> sorted.put(name, products.stream().sorted(comparator).toList()));
        return Map.copyOf(sorted);
    }

    private static Map<String, Comparator<ProductSummary>> sorts() {
        Comparator<ProductSummary> byName = Comparator.comparing(ProductSummary::name, String.CASE_INSENSITIVE_ORDER);
        Map<String, Comparator<ProductSummary>> sorts = new LinkedHashMap<>();
        sorts.put("name", byName);
        sorts.put("code", Comparator.comparing((ProductSummary p) -> p.variantCode() == null ? "" : p.variantCode())
                .thenComparing(byName));
        sorts.put("modified", Comparator.comparing(ProductSummary::modifiedAt,
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(byName));
        return Map.copyOf(sorts);
    }
}
