package com.mimeeqportal.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.KeysetStatus;
import com.mimeeqportal.apikey.MasterKeyset;
import com.mimeeqportal.apikey.Reencryption;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.Messages;
import com.mimeeqportal.web.TemplateTestEngine;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** The operator's keyset page rendered outside the server with the real template and messages. */
class KeysetTemplateTest {

    private static final SignedInUser OPERATOR = new SignedInUser("op", new Username("operator@demo.example"),
            TenantId.SYSTEM, "system", Role.OPERATOR);
    private static final MasterKeyset.MasterKey OLD = new MasterKeyset.MasterKey(-5, false, true);
    private static final MasterKeyset.MasterKey NEW = new MasterKeyset.MasterKey(42, true, true);

    private final TemplateEngine engine = engine();

    @Test
    void aRunningReEncryptionRefreshesShowsProgressAndOffersNoRotation() {
        Reencryption running = new Reencryption(Reencryption.State.RUNNING, 50, 19, 0,
                List.of(new Reencryption.FailedTenant("t-7", "Acme <b>GmbH</b>", "UNREADABLE")), Instant.now(), null);
        Document page = render(status(running, 30), new FormErrors(), 2);

        assertEquals("2", page.select("meta[http-equiv=refresh]").attr("content"));
        assertEquals("20", page.select("progress").attr("value"));
        assertTrue(page.select("form[action=/operator/keyset/rotate]").isEmpty());
        assertEquals("Acme <b>GmbH</b>", page.select("table.failed td").first().text(), "tenant names are escaped");
        assertTrue(page.text().contains(Messages.get("keyset.reason.UNREADABLE")));
        assertEquals("4294967291", page.select("tr[data-primary=false] code").text(), "ids are shown unsigned");
    }

    @Test
    void anIdlePageOffersRotateResumeAndDisableForOlderKeysOnly() {
        Reencryption none = new Reencryption(Reencryption.State.NOT_STARTED, 0, 0, 0, List.of(), null, null);
        Document page = render(status(none, 3), new FormErrors().add("key", "keyset.disable.inUse", 3), 0);

        assertTrue(page.select("meta[http-equiv=refresh]").isEmpty());
        assertEquals(1, page.select("form[action=/operator/keyset/rotate]").size());
        assertEquals(1, page.select("form[action=/operator/keyset/resume]").size());
        assertEquals(List.of("4294967291"), page.select("form[action=/operator/keyset/disable] input[name=keyId]")
                .eachAttr("value"), "no disable button for the primary key");
        assertTrue(page.select("p.alert").text().contains("3"), page.text());
        assertTrue(page.select("section.progress").isEmpty());
    }

    private static KeysetStatus status(Reencryption run, long pending) {
        return new KeysetStatus(List.of(new KeysetStatus.KeyUse(OLD, pending), new KeysetStatus.KeyUse(NEW, 50 - pending)),
                pending, run);
    }

    private Document render(KeysetStatus status, FormErrors errors, int refreshSeconds) {
        Context context = TemplateTestEngine.signedIn(Locale.ENGLISH, OPERATOR);
        Map<String, Object> model = new HashMap<>();
        model.put("keyset", status);
        model.put("errors", errors);
        model.put("doneKey", "");
        model.put("refreshSeconds", refreshSeconds);
        context.setVariables(model);
        String html = engine.process("operator/keyset", context);
        assertFalse(html.contains("??"), "a missing message key");
        return Jsoup.parse(html);
    }

    private static TemplateEngine engine() {
        return TemplateTestEngine.create();
    }
}
