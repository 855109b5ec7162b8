package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.Messages;
import com.mimeeqportal.input.Page;
import com.mimeeqportal.web.TemplateTestEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The audit pages rendered by Thymeleaf outside the server (the real templates and messages): filters
 * shown again as typed, user text escaped, chart bars present, verification verdicts worded.
 */
class AuditTemplatesTest {

    private static final TenantId TENANT = new TenantId("0b6f3c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f");
    private static final SignedInUser ADMIN = new SignedInUser("u1", new Username("admin@demo.example"), TENANT,
            "Demo", Role.ACCOUNT_ADMIN);

    private final TemplateEngine engine = engine();

    @Test
    void theListShowsEntriesChartFilterAndLinks() {
        AuditFilterForm.Result parsed = AuditFilterForm.parse(Map.of("actor", "x\"><script>", "type", "LOGIN")::get,
                Clock.systemUTC());
        AuditEvent event = new AuditEvent(TENANT, 12, "p", AuditEntry.of(AuditEventType.LOGIN)
                .actor("<b>mallory</b>").detail("line\r\nbreak").success());
        Map<String, Object> model = listModel(parsed);
        model.put("events", new Page<>(List.of(event), 1, 50, 1));
        model.put("chart", DailyChart.of(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-27"),
                Map.of(LocalDate.parse("2026-11-26"), new DailyChart.Day(LocalDate.parse("2026-11-26"), 5, 4, 1))));
        model.put("csvHref", "/admin/audit/export?format=csv&" + parsed.orElseThrow().queryString());
        model.put("jsonHref", "/admin/audit/export?format=jsonl");
        model.put("verifyHref", "/admin/audit/verify");
        model.put("previousHref", null);
        model.put("nextHref", null);

        Document page = render("audit/list", model);
        assertEquals("12", page.select("tr[data-seq]").attr("data-seq"));
        assertEquals("<b>mallory</b>", page.select("table.audit tbody td").get(2).text(), "escaped, shown as text");
        assertTrue(page.select("table.audit b").isEmpty());
        assertEquals("x\"><script>", page.select("input[name=actor]").val());
        assertTrue(page.select("script").stream().allMatch(s -> s.attr("src").endsWith("/static/portal.js")),
                "no script but the layout's own");
        assertEquals("LOGIN", page.select("select[name=type] option[selected]").val());
        assertEquals("Sign-in", page.select("select[name=type] option[selected]").text(), "enum values in words");
        assertEquals("Sign-in", page.select("table.audit td.type").text());
        assertEquals("Success", page.select("table.audit tbody td").get(5).text());
        assertEquals(16, page.select("svg.daily rect").size(), "two bars for each of 8 days");
        assertEquals(1, page.select("svg.daily rect.failures[height]").stream()
                .filter(r -> Double.parseDouble(r.attr("height")) > 0).count());
        assertTrue(page.select("a[href^=/admin/audit/export?format=csv]").attr("href").contains("type=LOGIN"));
        assertTrue(page.text().contains("4 Mimeeq calls and 1 failure "), page.text());
    }

    @Test
    void invalidFiltersShowFieldMessagesAndNoTable() {
        AuditFilterForm.Result parsed = AuditFilterForm.parse(Map.of("range", "custom", "from", "2026-02-30",
                "to", "x")::get, Clock.systemUTC());
        Document page = render("audit/list", listModel(parsed));
        assertEquals(Messages.get("validation.audit.date"), page.select("#from-msg").text());
        assertEquals(Messages.get("validation.audit.date"), page.select("#to-msg").text());
        assertEquals("2026-02-30", page.select("input[name=from]").val());
        assertTrue(page.select("table.audit").isEmpty());
    }

    @Test
    void verificationVerdictsAreWorded() {
        Checkpoint checkpoint = new Checkpoint(TENANT, Checkpoint.Kind.HEAD, 10, "abc", Instant.parse("2026-11-27T10:00:00Z"));
        ChainVerification ok = new ChainVerification(TENANT, Instant.now(), 0, 20, 20, "h", Optional.of(checkpoint),
                Optional.empty());
        Document okPage = render("audit/verify", verifyModel(ok));
        assertTrue(okPage.select(".verdict.ok").text().contains("Verified up to entry #20"), okPage.text());
        assertTrue(okPage.text().contains("entry #10, recorded 2026-11-27 10:00:00 UTC"), okPage.text());

        ChainVerification broken = new ChainVerification(TENANT, Instant.now(), 0, 6, 6, "h", Optional.empty(),
                Optional.of(new ChainBreak(7, ChainBreak.Kind.DELETED)));
        Document brokenPage = render("audit/verify", verifyModel(broken));
        assertTrue(brokenPage.select(".verdict.broken").text().contains("broken at entry #7"), brokenPage.text());
        assertTrue(brokenPage.text().contains(Messages.get("audit.verify.kind.DELETED")));
        assertFalse(brokenPage.text().contains("audit.verify"), "no raw message keys");
    }

    @Test
    void theRetentionFormShowsItsFieldMessage() {
        Map<String, Object> model = new HashMap<>();
        model.put("retentionDays", "forever");
        model.put("errors", new FormErrors().add("retentionDays", "validation.audit.retention", 3650));
        model.put("saved", false);
        Document page = render("audit/retention", model);
        assertEquals("forever", page.select("input[name=retentionDays]").val());
        assertTrue(page.select("#retentionDays-msg").text().contains("3650"), page.text());
    }

    @Test
    void theFiltersAreAGetFormOfTheirFieldsOnceWithoutTheCsrfToken() {
        Document page = render("audit/list", listModel(AuditFilterForm.parse(Map.of("type", "LOGIN")::get,
                Clock.systemUTC())));
        Element form = page.selectFirst("form.audit-filter");
        assertEquals("get", form.attr("method"));
        List<String> names = form.select("input, select").eachAttr("name");
        assertFalse(names.contains("_csrf"), "a GET form's fields end up in its URL: " + names);
        assertEquals(names.stream().distinct().toList(), names, "each field once");
        assertEquals("LOGIN", form.select("select[name=type] option[selected]").val());
    }

    @Test
    void aChoiceWithAMessageIsMarkedInvalidAndTheOtherIsNot() {
        Document page = render("audit/list", listModel(AuditFilterForm.parse(Map.of("type", "NOT_A_TYPE")::get,
                Clock.systemUTC())));
        Element type = page.selectFirst("select#type");
        assertTrue(type.parent().hasClass("invalid"), type.parent().outerHtml());
        assertEquals("true", type.attr("aria-invalid"));
        assertEquals("type-msg", type.attr("aria-describedby"));
        assertEquals(Messages.get("validation.audit.option"), page.selectFirst("p.error#type-msg").text());

        Element outcome = page.selectFirst("select#outcome");
        assertFalse(outcome.parent().hasClass("invalid"));
        assertEquals("false", outcome.attr("aria-invalid"));
        assertFalse(outcome.hasAttr("aria-describedby"));
        assertTrue(page.select("#outcome-msg").isEmpty());
    }

    private static Map<String, Object> listModel(AuditFilterForm.Result parsed) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", parsed.form());
        model.put("errors", parsed.errors());
        model.put("basePath", "/admin/audit");
        model.put("types", Arrays.asList(AuditEventType.values()));
        model.put("outcomes", Arrays.asList(AuditOutcome.values()));
        model.put("ranges", AuditFilterForm.RANGES);
        return model;
    }

    private static Map<String, Object> verifyModel(ChainVerification result) {
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("checkpointWritten", false);
        model.put("listPath", "/admin/audit");
        model.put("verifyPath", "/admin/audit/verify");
        model.put("errors", new FormErrors());
        return model;
    }

    private Document render(String template, Map<String, Object> model) {
        Context context = TemplateTestEngine.signedIn(Locale.ENGLISH, ADMIN);
        context.setVariables(model);
        String html = engine.process(template, context);
        assertFalse(html.contains("??"), "a missing message key");
        return Jsoup.parse(html);
    }

    private static TemplateEngine engine() {
        return TemplateTestEngine.create();
    }

}
