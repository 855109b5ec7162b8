package com.mimeeqportal.audit;

import com.mimeeqportal.security.Actor;
import com.mimeeqportal.tenant.AuditRetention;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.web.FormErrors;
import com.mimeeqportal.web.InvalidInputException;
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
 * /admin/audit/retention (ACCOUNT_ADMIN): how many days the tenant's audit entries are kept. The change
 * is audited, and written before it takes effect: a setting that cannot be audited is not changed.
 */
@WebServlet("/admin/audit/retention")
public class AuditRetentionServlet extends PageServlet {

    @Inject
    Tenants tenants;

    @Inject
    AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = RequestAttributes.actor(request);
        AuditRetention current = tenants.find(actor.tenant()).orElseThrow().auditRetention();
        show(request, response, HttpServletResponse.SC_OK, Integer.toString(current.days()), new FormErrors(),
                "saved".equals(request.getParameter("done")));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = RequestAttributes.actor(request);
        String typed = field(request, "retentionDays");
        AuditRetention retention;
        try {
            retention = AuditRetention.parse(typed);
        } catch (InvalidInputException e) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, typed, new FormErrors().add(e), false);
            return;
        }
        AuditRetention previous = tenants.find(actor.tenant()).orElseThrow().auditRetention();
        audit.record(actor.tenant(), actor.audit(AuditEntry.of(AuditEventType.AUDIT_RETENTION_SET))
                .target("audit-retention").detail(previous.days() + " -> " + retention.days() + " days").success());
        tenants.changeAuditRetention(actor.tenant(), retention);
        redirect(request, response, "/admin/audit/retention?done=saved");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, String value,
                      FormErrors errors, boolean saved) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("retentionDays", value);
        model.put("errors", errors);
        model.put("saved", saved);
        render(request, response, status, "audit/retention", model);
    }
}
