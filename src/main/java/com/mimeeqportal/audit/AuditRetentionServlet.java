package com.mimeeqportal.audit;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.tenant.AuditRetention;
import com.mimeeqportal.web.PageServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * /admin/audit/retention (ACCOUNT_ADMIN): how many days the tenant's audit entries are kept. It can only be
 * lengthened, never below the operator's floor. The change is audited, and written before it takes effect: a
 * setting that cannot be audited is not changed.
 */
@WebServlet("/admin/audit/retention")
public class AuditRetentionServlet extends PageServlet {

    @Inject
    AuditAdministration administration;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = actor(request);
        AuditRetention current = administration.retention(actor.tenant());
        show(request, response, HttpServletResponse.SC_OK, Integer.toString(current.days()), new FormErrors(),
                "saved".equals(request.getParameter("done")));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = actor(request);
        String typed = field(request, "retentionDays");
        AuditRetention retention;
        try {
            retention = AuditRetention.parse(typed);
        } catch (InvalidInputException e) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, typed, new FormErrors().add(e), false);
            return;
        }
        try {
            administration.changeRetention(actor, retention);
        } catch (InvalidInputException e) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, typed, new FormErrors().add(e), false);
            return;
        }
        redirect(request, response, "/admin/audit/retention?done=saved");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, String value,
                      FormErrors errors, boolean saved) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("retentionDays", value);
        model.put("errors", errors);
        model.put("saved", saved);
        model.put("floorDays", administration.retentionFloorDays());
        render(request, response, status, "audit/retention", model);
    }
}
