package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.mimeeq.ProductInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The form fragments of {@code fragments/forms} put exactly their own markup into a page. A fragment is found
 * by a markup selector, and a selector that is also an element's name ({@code input}, {@code select}) matches
 * every such element of the file as well: the text field once brought the file's two hidden {@code _csrf}
 * inputs along into every form that used it, so a GET form (the lookup, the catalog's filters) sent the CSRF
 * token in its URL, into the browser's history and the server's access log. The audit filters, which use both
 * fragments, are checked in {@code AuditTemplatesTest}.
 */
class FormFragmentsTest {

    private static final SignedInUser SALES = new SignedInUser("u1", new Username("sales@demo.example"),
            new TenantId("0b6f3c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f"), "Demo", Role.SALES);

    private final TemplateEngine engine = TemplateTestEngine.create();

    @Test
    void aGetFormWithATextFieldSendsNoCsrfToken() {
        Map<String, Object> model = new HashMap<>();
        model.put("code", "TW5674");
        model.put("shortCode", "TW5674");
        model.put("errors", new FormErrors());
        model.put("info", new ProductInfo("Aarhus Coffee Table", "DF-CTB-041", null, null, null, "ACTIVE", "VARIANT",
                null, List.of(), List.of()));

        Document page = render("product/lookup", model);
        Element form = page.selectFirst("form[action=/products/lookup]");
        assertEquals("get", form.attr("method"));
        assertEquals(List.of("code"), form.select("input, select").eachAttr("name"),
                "the form's fields, and nothing else: " + form);
        assertEquals(1, page.select("input#code").size());
    }

    @Test
    void aTextFieldWithAMessageIsMarkedInvalidAndDescribedByItsHelpAndItsMessage() {
        Map<String, Object> model = new HashMap<>();
        model.put("code", "");
        model.put("errors", new FormErrors().add("code", "validation.required"));
        Document page = render("product/lookup", model);
        Element field = page.selectFirst("input#code").parent();
        assertTrue(field.hasClass("invalid"), field.outerHtml());
        assertEquals("true", page.selectFirst("input#code").attr("aria-invalid"));
        assertEquals("code-help code-msg", page.selectFirst("input#code").attr("aria-describedby"));
        assertEquals("Please fill this in.", page.selectFirst("p.error#code-msg").text());
    }

    @Test
    void aTextFieldWithoutAMessageIsDescribedByItsHelpAlone() {
        Map<String, Object> model = new HashMap<>();
        model.put("code", "TW5674");
        model.put("errors", new FormErrors().add("another", "validation.required"));
        Document page = render("product/lookup", model);
        assertFalse(page.selectFirst("input#code").parent().hasClass("invalid"));
        assertEquals("false", page.selectFirst("input#code").attr("aria-invalid"));
        assertEquals("code-help", page.selectFirst("input#code").attr("aria-describedby"));
        assertTrue(page.select("#code-msg").isEmpty(), "no message element");
    }

    private Document render(String template, Map<String, Object> model) {
        Context context = TemplateTestEngine.signedIn(Locale.ENGLISH, SALES);
        context.setVariables(model);
        return Jsoup.parse(engine.process(template, context));
    }
}
