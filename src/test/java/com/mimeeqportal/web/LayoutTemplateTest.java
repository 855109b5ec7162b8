package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.FormErrors;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The layout around every signed-in page: the menu each role sees (worked out in {@link Views.Menu}, not in the
 * template), the language switch with each language named in itself, and the invalid-key banner.
 */
class LayoutTemplateTest {

    private static final TenantId TENANT = new TenantId("0b6f3c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f");
    private static final List<String> SALES_MENU = List.of("/", "/catalog", "/products/lookup", "/pricing", "/short-codes");

    private final TemplateEngine engine = TemplateTestEngine.create();

    @Test
    void eachRoleSeesItsOwnMenu() {
        assertEquals(SALES_MENU, menu(render(user(Role.SALES), false)));
        List<String> admin = new java.util.ArrayList<>(SALES_MENU);
        admin.addAll(List.of("/admin/api-key", "/admin/audit", "/admin/users"));
        assertEquals(admin, menu(render(user(Role.ACCOUNT_ADMIN), false)));
        assertEquals(List.of("/", "/operator/tenants", "/operator/keyset", "/operator/audit"),
                menu(render(new SignedInUser("op", new Username("operator"), TenantId.SYSTEM, null, Role.OPERATOR),
                        false)));
    }

    @Test
    void theLanguageSwitchNamesEachLanguageInItself() {
        Document page = render(user(Role.SALES), false);
        assertEquals(List.of("English", "polski", "Deutsch"), page.select("nav.languages button").eachText());
        assertEquals(List.of("en", "pl", "de"), page.select("nav.languages button").eachAttr("value"));
        assertEquals(List.of("English", "polski", "Deutsch"), page.select("select#lang option").eachText(),
                "and the preference form lists them so");

        Document polish = render(user(Role.SALES), false, Locale.forLanguageTag("pl"));
        assertEquals("pl", polish.select("html").attr("lang"));
        assertEquals(List.of("pl"), polish.select("nav.languages button[aria-current=true]").eachAttr("value"),
                "the language being shown is marked, and only that one");
        assertEquals("pl", polish.select("select#lang option[selected]").attr("value"));
    }

    @Test
    void theInvalidKeyBannerSendsAdminsToTheKeyAndSalesToAnAdmin() {
        Document admin = render(user(Role.ACCOUNT_ADMIN), true);
        assertEquals(List.of("/admin/api-key"), admin.select("div.banner a").eachAttr("href"));
        Document sales = render(user(Role.SALES), true);
        assertTrue(sales.select("div.banner a").isEmpty());
        assertFalse(sales.select("div.banner span").text().isBlank());
        assertTrue(render(user(Role.SALES), false).select("div.banner").isEmpty());
    }

    private static SignedInUser user(Role role) {
        return new SignedInUser("u1", new Username(role.name().toLowerCase(Locale.ROOT) + "@demo.example"), TENANT,
                "Demo", role);
    }

    private static List<String> menu(Document page) {
        return page.select("header nav:not(.languages) a").eachAttr("href");
    }

    private Document render(SignedInUser me, boolean keyInvalid) {
        return render(me, keyInvalid, Locale.ENGLISH);
    }

    private Document render(SignedInUser me, boolean keyInvalid, Locale locale) {
        Context context = TemplateTestEngine.signedIn(locale, me);
        context.setVariable("keyInvalid", keyInvalid);
        context.setVariable("zones", Preferences.ZONES);
        context.setVariable("zone", "UTC");
        context.setVariables(Map.of("errors", new FormErrors(), "changed", false, "mustChange", false,
                "signOutOthers", false, "min", 12, "max", 128));
        String html = engine.process("account/password", context);
        assertFalse(html.contains("??"), "a missing message key");
        return Jsoup.parse(html);
    }
}
