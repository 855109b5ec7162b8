package com.mimeeqportal.operator;

import com.mimeeqportal.apikey.KeysetRotation;
import com.mimeeqportal.apikey.KeysetStatus;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.web.PageServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * /operator/keyset (OPERATOR, web.xml): the master keyset's keys and what each protects, the rotate and
 * resume buttons, the progress of a running re-encryption (the page reloads itself while it runs, no
 * script needed), the tenants whose key could not be moved, and a disable button per older key. Ids and
 * counts only: no tenant key is ever opened for this page.
 */
@WebServlet({"/operator/keyset", "/operator/keyset/rotate", "/operator/keyset/resume", "/operator/keyset/disable"})
public class OperatorKeysetServlet extends PageServlet {

    private static final Logger LOG = Logger.getLogger(OperatorKeysetServlet.class.getName());
    private static final int REFRESH_SECONDS = 2;

    @Inject
    KeysetRotation rotation;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!pathSegments(request, "/operator/keyset").isEmpty()) {
            redirect(request, response, "/operator/keyset");
            return;
        }
        show(request, response, HttpServletResponse.SC_OK, new FormErrors(), doneKey(request.getParameter("done")));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor operator = actor(request);
        String action = pathSegments(request, "/operator/keyset").stream().findFirst().orElse("");
        try {
            switch (action) {
                case "rotate" -> rotation.rotate(operator);
                case "resume" -> rotation.reencrypt(operator);
                default -> rotation.disable(operator, keyId(field(request, "keyId")));
            }
            redirect(request, response, "/operator/keyset?done=" + action);
        } catch (InvalidInputException e) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    new FormErrors().add("key", e.messageKey(), e.arguments().toArray()), null);
        } catch (RuntimeException e) {
            // The keyset file could not be written or the audit log is unavailable: nothing was changed.
            LOG.log(Level.SEVERE, "The master keyset could not be changed", e);
            show(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    new FormErrors().add("key", "keyset.unavailable"), null);
        }
    }

    private static int keyId(String text) {
        try {
            return Integer.parseUnsignedInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("key", "keyset.disable.unknown");
        }
    }

    private static String doneKey(String done) {
        return done != null && done.matches("rotate|resume|disable") ? "keyset.done." + done : null;
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, FormErrors errors,
                      String doneKey) throws IOException {
        KeysetStatus keyset = rotation.status();
        render(request, response, status, "operator/keyset", Map.of("keyset", keyset, "errors", errors,
                "doneKey", doneKey == null ? "" : doneKey,
                "refreshSeconds", keyset.reencryption().running() ? REFRESH_SECONDS : 0));
    }
}
