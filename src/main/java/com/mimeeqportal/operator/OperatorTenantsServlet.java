package com.mimeeqportal.operator;

import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import com.mimeeqportal.tenant.TenantName;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.web.PageServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * /operator/tenants (OPERATOR): the list of tenants with their rename, suspend and resume forms
 * (handled by {@link OperatorTenantActionsServlet}), and the form that creates one with its first admin.
 * The one-time password is rendered in the response to the POST itself and nowhere else.
 */
@WebServlet("/operator/tenants")
public class OperatorTenantsServlet extends PageServlet {

    private static final Set<String> DONE = Set.of("rename", "suspend", "resume", "unlock-admins");

    @Inject
    Tenants tenants;

    @Inject
    TenantOnboarding onboarding;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String done = request.getParameter("done");
        render(request, response, HttpServletResponse.SC_OK, "operator/tenants", model(tenants, Map.of(),
                new FormErrors(), null, done != null && DONE.contains(done) ? "tenants.done." + done : null));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = form(request, "name", "baseUrl", "adminUsername");
        FormErrors errors = new FormErrors();
        TenantName name = errors.check(() -> new TenantName(form.get("name")));
        MimeeqBaseUrl baseUrl = errors.check(() -> new MimeeqBaseUrl(form.get("baseUrl")));
        Username admin = errors.check("adminUsername", () -> Username.forNewAccount(form.get("adminUsername")));
        if (!errors.any()) {
            try {
                var onboarded = onboarding.create(actor(request), name, baseUrl, admin);
                show(request, response, HttpServletResponse.SC_CREATED, Map.of(), errors, onboarded);
                return;
            } catch (InvalidInputException e) {
                errors.add(e);
            }
        }
        // The form comes back as typed (Thymeleaf escapes it), so nothing typed is lost.
        show(request, response, HttpServletResponse.SC_BAD_REQUEST, form, errors, null);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, String> form,
                      FormErrors errors, TenantOnboarding.Onboarded created) throws IOException {
        render(request, response, status, "operator/tenants", model(tenants, form, errors, created, null));
    }

    /** What the tenants page shows; also rendered by {@link OperatorTenantActionsServlet} for a bad rename. */
    static Map<String, Object> model(Tenants tenants, Map<String, String> form, FormErrors errors,
                                     TenantOnboarding.Onboarded created, String doneKey) {
        Map<String, Object> model = new HashMap<>();
        model.put("tenants", tenants.all());
        model.put("form", form);
        model.put("errors", errors);
        model.put("created", created);
        model.put("doneKey", doneKey);
        return model;
    }
}
