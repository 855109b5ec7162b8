package com.mimeeqportal.apikey;

import com.mimeeqportal.security.Actor;
import com.mimeeqportal.web.FormErrors;
import com.mimeeqportal.web.PageServlet;
import com.mimeeqportal.web.RequestAttributes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * /admin/api-key (ACCOUNT_ADMIN, web.xml): set or replace the tenant's key. The field is write-only:
 * neither the stored key nor the one just typed is ever rendered back, even when the form is refused.
 */
@WebServlet("/admin/api-key")
public class ApiKeyServlet extends PageServlet {

    @Inject
    ApiKeys apiKeys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        show(request, response, HttpServletResponse.SC_OK, new FormErrors(), "saved".equals(request.getQueryString()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = RequestAttributes.actor(request);
        FormErrors errors = new FormErrors();
        ApiKey key = errors.check(() -> new ApiKey(request.getParameter("apiKey")));
        if (errors.any()) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, errors, false);
            return;
        }
        apiKeys.set(actor, key);
        redirect(request, response, "/admin/api-key?saved");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, FormErrors errors,
                      boolean saved) throws IOException {
        Actor actor = RequestAttributes.actor(request);
        Map<String, Object> model = new HashMap<>();
        model.put("errors", errors);
        model.put("saved", saved);
        model.put("keyStatus", apiKeys.status(actor.tenant()).orElse(null));
        render(request, response, status, "admin/api-key", model);
    }
}
