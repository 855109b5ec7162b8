package com.mimeeqportal.operator;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.tenant.TenantName;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.web.PageServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * POST /operator/tenants/{id}/rename|suspend|resume|unlock-admins (OPERATOR). Success goes back to the list; a bad
 * name shows the list with the message; an unknown tenant is 404.
 */
@WebServlet("/operator/tenants/*")
public class OperatorTenantActionsServlet extends PageServlet {

    private static final Set<String> ACTIONS = Set.of("rename", "suspend", "resume", "unlock-admins");

    @Inject
    TenantAdministration administration;

    @Inject
    Tenants tenants;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = pathSegments(request, "/operator/tenants");
        TenantId id = path.size() == 2 && ACTIONS.contains(path.get(1)) ? tenantId(path.get(0)) : null;
        if (id == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Actor operator = actor(request);
        try {
            switch (path.get(1)) {
                case "rename" -> administration.rename(operator, id, new TenantName(field(request, "name")));
                case "suspend" -> administration.suspend(operator, id);
                case "unlock-admins" -> administration.unlockAdmins(operator, id);
                default -> administration.resume(operator, id);
            }
            redirect(request, response, "/operator/tenants?done=" + path.get(1));
        } catch (NoSuchElementException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (InvalidInputException e) {
            FormErrors errors = new FormErrors().add("rename", e.messageKey(), e.arguments().toArray());
            render(request, response, HttpServletResponse.SC_BAD_REQUEST, "operator/tenants",
                    OperatorTenantsServlet.model(tenants, Map.of(), errors, null, null));
        }
    }

    private static TenantId tenantId(String value) {
        try {
            TenantId id = new TenantId(value);
            return id.isSystem() ? null : id;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
