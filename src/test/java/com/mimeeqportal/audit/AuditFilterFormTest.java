package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditFilterFormTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:30:00Z"), ZoneOffset.UTC);

    private static AuditFilterForm.Result parse(Map<String, String> parameters) {
        return AuditFilterForm.parse(parameters::get, CLOCK);
    }

    @Test
    void noParametersMeanTheLastSevenDays() {
        AuditFilter filter = parse(Map.of()).orElseThrow();
        assertEquals(Instant.parse("2026-11-20T12:30:00Z"), filter.from());
        assertTrue(filter.to().isAfter(CLOCK.instant()));
        assertEquals("range=7d", filter.queryString());
        assertEquals(LocalDate.parse("2026-11-20"), filter.firstDay());
        assertEquals(LocalDate.parse("2026-11-27"), filter.lastDay());
    }

    @Test
    void presetsSetTheWindow() {
        assertEquals(Instant.parse("2026-11-26T12:30:00Z"), parse(Map.of("range", "24h")).orElseThrow().from());
        assertEquals(Instant.parse("2026-10-28T12:30:00Z"), parse(Map.of("range", "30d")).orElseThrow().from());
    }

    @Test
    void aCustomRangeCoversWholeUtcDaysWithToIncluded() {
        AuditFilter filter = parse(Map.of("range", "custom", "from", "2026-01-01", "to", "2026-01-31")).orElseThrow();
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), filter.from());
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), filter.to());
        assertEquals(LocalDate.parse("2026-01-31"), filter.lastDay());
    }

    @Test
    void conditionsAreKeptNormalisedAndInTheQueryString() {
        AuditFilter filter = parse(Map.of("actor", " Admin@Demo.example ", "type", "MIMEEQ_CALL_ERROR",
                "outcome", "FAILURE", "target", "/get-product", "text", "Chair & Table")).orElseThrow();
        assertEquals("admin@demo.example", filter.actor());
        assertEquals(AuditEventType.MIMEEQ_CALL_ERROR, filter.type());
        assertEquals(AuditOutcome.FAILURE, filter.outcome());
        assertEquals("/get-product", filter.target());
        assertEquals("chair & table", filter.text());
        assertEquals("range=7d&actor=Admin%40Demo.example&type=MIMEEQ_CALL_ERROR&outcome=FAILURE"
                + "&target=%2Fget-product&text=Chair+%26+Table", filter.queryString());
    }

    @Test
    void badInputGivesFieldLevelMessages() {
        assertInvalid(Map.of("range", "forever"), "range", "Choose one of the offered time ranges.");
        assertInvalid(Map.of("range", "custom", "from", "2026-13-01", "to", "2026-01-01"), "from", "Enter a date");
        assertInvalid(Map.of("range", "custom", "from", "yesterday", "to", "2026-01-01"), "from", "Enter a date");
        assertInvalid(Map.of("range", "custom", "to", "2026-01-01"), "from", "Please fill this in.");
        assertInvalid(Map.of("range", "custom", "from", "2026-02-01", "to", "2026-01-01"), "to", "must not be before");
        assertInvalid(Map.of("range", "custom", "from", "2024-01-01", "to", "2026-01-01"), "to", "at most 366 days");
        assertInvalid(Map.of("text", "x".repeat(201)), "text", "at most 200 characters");
        assertInvalid(Map.of("text", "line\nbreak"), "text", "control characters");
        assertInvalid(Map.of("type", "DROP_TABLE"), "type", "Choose one of the offered values.");
        assertInvalid(Map.of("outcome", "success"), "outcome", "Choose one of the offered values.");
    }

    @Test
    void textOfExactlyTwoHundredCharactersIsAccepted() {
        assertEquals(200, parse(Map.of("text", "y".repeat(200))).orElseThrow().text().length());
    }

    @Test
    void likeWildcardsInSearchTextAreTakenLiterally() {
        assertEquals("%50!%!_off!!%", AuditQuery.contains("50%_off!"));
    }

    @Test
    void theFormIsKeptAsTypedForShowingItAgain() {
        AuditFilterForm.Result result = parse(Map.of("range", "custom", "from", "nonsense"));
        assertFalse(result.filter().isPresent());
        assertEquals("nonsense", result.form().get("from"));
        assertNull(result.errors().get("actor"));
    }

    private static void assertInvalid(Map<String, String> parameters, String field, String message) {
        AuditFilterForm.Result result = parse(parameters);
        assertTrue(result.filter().isEmpty(), parameters.toString());
        assertTrue(result.errors().has(field), field + " in " + result.errors().all());
        assertTrue(result.errors().get(field).contains(message), result.errors().get(field));
    }
}
