package com.mimeeqportal.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an audit page, chart or export shows: a time window [from, to) and optional conditions. Built
 * by {@link AuditFilterForm} from query parameters, so the same URL shows the same view again.
 *
 * @param actor   exact user name (case-insensitive), or null
 * @param target  part of the endpoint / target, or null
 * @param text    part of the detail, target or actor (case-insensitive), or null
 * @param form    the parameters as given, normalised, for links, export and showing the form again
 */
public record AuditFilter(Instant from, Instant to, String actor, AuditEventType type, AuditOutcome outcome,
                          String target, String text, Map<String, String> form) {

    public AuditFilter {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        form = Map.copyOf(form);
    }

    public LocalDate firstDay() {
        return LocalDate.ofInstant(from, ZoneOffset.UTC);
    }

    /** The last day the window touches ({@code to} is exclusive). */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
    }

    /** The filter as a query string (without page), for paging and export links. */
    public String queryString() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : AuditFilterForm.PARAMETERS) {
            String value = form.get(name);
            if (value != null && !value.isEmpty()) {
                ordered.put(name, value);
            }
        }
        return ordered.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A one-line description for the export's own audit entry. */
    public String describe() {
        return queryString().isEmpty() ? "default view" : queryString();
    }
}
