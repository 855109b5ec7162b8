package com.mimeeqportal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.Page;
import com.mimeeqportal.mimeeq.ProductSummary;
import com.mimeeqportal.web.TemplateTestEngine;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;

/**
 * The catalog table's rows: each product's name, and its mode and status in the reader's language from
 * {@link CatalogLabels}, or as Mimeeq sent them when the portal has no name for them.
 */
class CatalogTemplateTest {

    private static final SignedInUser SALES = new SignedInUser("u1", new Username("sales@demo.example"),
            new TenantId("0b6f3c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f"), "Demo", Role.SALES);

    @Test
    void modesAndStatusesAreNamedInTheReadersLanguageAndUnknownOnesShownAsSent() {
        Document page = render(Locale.GERMAN, List.of(
                product("p-known", "VARIANT", "ACTIVE"), product("p-new", "CONFIGURATOR", "ARCHIVED")));

        Element known = page.selectFirst("tr[data-product-id=p-known]");
        assertEquals("Oslo p-known", known.selectFirst("td.name").text());
        assertEquals("Variante", known.selectFirst("td.mode").text());
        assertEquals("Aktiv", known.selectFirst("span.badge").text());
        assertEquals(List.of("badge", "ok"), List.copyOf(known.selectFirst("span.badge").classNames()));

        Element unknown = page.selectFirst("tr[data-product-id=p-new]");
        assertEquals("CONFIGURATOR", unknown.selectFirst("td.mode").text());
        assertEquals("ARCHIVED", unknown.selectFirst("span.badge").text());
        assertEquals(List.of("badge", "off"), List.copyOf(unknown.selectFirst("span.badge").classNames()));
    }

    @Test
    void theLabelsAreTheMessagesOfTheLanguageAndEnglishForAnyOther() {
        assertEquals(Map.of("VARIANT", "Variante", "MODULAR", "Modular", "STANDARD", "Standard"),
                CatalogLabels.in(Locale.GERMAN).modes());
        assertEquals(Map.of("ACTIVE", "Active", "INACTIVE", "Inactive"),
                CatalogLabels.in(Locale.forLanguageTag("fi")).statuses());
        assertEquals(CatalogLabels.in(Locale.ENGLISH), CatalogLabels.in(Locale.forLanguageTag("en-GB")));
    }

    private static ProductSummary product(String id, String mode, String status) {
        return new ProductSummary(id, id.toUpperCase(Locale.ROOT), Map.of("en", "Oslo " + id), status, mode, "3D",
                true, null, "Lounge", "Nordic", "e30=", Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static Document render(Locale locale, List<ProductSummary> products) {
        Context context = TemplateTestEngine.signedIn(locale, SALES);
        context.setVariable("catalog", new Catalog.CatalogPage(new Page<>(products, 1, CatalogQuery.PAGE_SIZE,
                products.size()), Instant.parse("2026-12-01T09:30:00Z"), products.size(), List.of("Lounge"),
                List.of("Nordic"), false));
        context.setVariable("query", CatalogQuery.all());
        context.setVariable("labels", CatalogLabels.in(locale));
        String html = TemplateTestEngine.create().process("catalog/list", context);
        assertFalse(html.contains("??"), "a missing message key");
        return Jsoup.parse(html);
    }
}
