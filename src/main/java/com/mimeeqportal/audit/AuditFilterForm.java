package com.mimeeqportal.audit;

import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.input.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads an {@link AuditFilter} from query parameters and says, field by field, what is wrong with them.
 * Dates are whole UTC days ({@code yyyy-MM-dd}, as a date input sends them); "to" is inclusive. A
 * custom range spans at most {@value #MAX_DAYS} days, which also bounds the chart.
 */
public final class AuditFilterForm {

    public static final List<String> PARAMETERS = List.of("range", "from", "to", "actor", "type", "outcome",
            "target", "text");
    public static final List<String> RANGES = List.of("24h", "7d", "30d", "custom");
    static final String DEFAULT_RANGE = "7d";
    static final int MAX_DAYS = 366;
    static final int MAX_TEXT = 200;

    private AuditFilterForm() {
    }

    /** The parsed filter, or the field-level messages of what could not be parsed. */
    public record Result(Optional<AuditFilter> filter, FormErrors errors, Map<String, String> form) {
        public AuditFilter orElseThrow() {
            return filter.orElseThrow(() -> new IllegalStateException("invalid filter: " + errors.all()));
        }
    }

    public static Result parse(Function<String, String> parameters, Clock clock) {
        Map<String, String> form = new HashMap<>();
        for (String name : PARAMETERS) {
            String value = parameters.apply(name);
            form.put(name, value == null ? "" : value.strip());
        }
        FormErrors errors = new FormErrors();
        String range = form.get("range").isEmpty() ? DEFAULT_RANGE : form.get("range");
        form.put("range", range);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant[] window = window(range, form, now, errors);
        String actor = optionalText(form, "actor", 254, errors);
        String target = optionalText(form, "target", 300, errors);
        String text = optionalText(form, "text", MAX_TEXT, errors);
        AuditEventType type = errors.check(() -> option(form, "type", AuditEventType.class));
        AuditOutcome outcome = errors.check(() -> option(form, "outcome", AuditOutcome.class));
        if (errors.any()) {
            return new Result(Optional.empty(), errors, form);
        }
        return new Result(Optional.of(new AuditFilter(window[0], window[1],
                actor == null ? null : actor.toLowerCase(Locale.ROOT), type, outcome, target,
                text == null ? null : text.toLowerCase(Locale.ROOT), form)), errors, form);
    }

    private static Instant[] window(String range, Map<String, String> form, Instant now, FormErrors errors) {
        switch (range) {
            case "24h" -> { return new Instant[] {now.minus(Duration.ofHours(24)), now.plusSeconds(1)}; }
            case "7d" -> { return new Instant[] {now.minus(Duration.ofDays(7)), now.plusSeconds(1)}; }
            case "30d" -> { return new Instant[] {now.minus(Duration.ofDays(30)), now.plusSeconds(1)}; }
            case "custom" -> { return custom(form, errors); }
            default -> {
                errors.add("range", "validation.audit.range");
                return null;
            }
        }
    }

    private static Instant[] custom(Map<String, String> form, FormErrors errors) {
        LocalDate from = date(form, "from", errors);
        LocalDate to = date(form, "to", errors);
        if (from == null || to == null) {
            return null;
        }
        if (to.isBefore(from)) {
            errors.add("to", "validation.audit.toBeforeFrom");
            return null;
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            errors.add("to", "validation.audit.rangeTooLong", MAX_DAYS);
            return null;
        }
        return new Instant[] {from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()};
    }

    private static LocalDate date(Map<String, String> form, String field, FormErrors errors) {
        String value = form.get(field);
        if (value.isEmpty()) {
            errors.add(field, "validation.required");
            return null;
        }
        try {
            if (value.length() != 10) {
                throw new DateTimeParseException("not yyyy-MM-dd", value, 0);
            }
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 2000 || date.getYear() > 2999) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(field, "validation.audit.date");
            return null;
        }
    }

    private static String optionalText(Map<String, String> form, String field, int max, FormErrors errors) {
        String value = form.get(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Text.singleLine(value, field, 1, max);
        } catch (InvalidInputException e) {
            errors.add(e);
            return null;
        }
    }

    private static <E extends Enum<E>> E option(Map<String, String> form, String field, Class<E> type) {
        String value = form.get(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "validation.audit.option");
        }
    }
}
