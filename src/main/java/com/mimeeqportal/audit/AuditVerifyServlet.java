package com.mimeeqportal.audit;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.web.PageServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * /admin/audit/verify (the tenant's chain) and /operator/audit/verify (the system chain): walks the
 * chain and shows "verified up to #N" or the first broken entry. POST also records the verified head
 * as a checkpoint outside the database. Each verification is itself an audit entry.
 */
@WebServlet({"/admin/audit/verify", "/operator/audit/verify"})
public class AuditVerifyServlet extends PageServlet {

    @Inject
    AuditAdministration administration;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = actor(request);
        show(request, response, administration.verify(actor, request.getServletPath(), false), false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = actor(request);
        ChainVerification result = administration.verify(actor, request.getServletPath(), true);
        show(request, response, result, result.intact());
    }

    private void show(HttpServletRequest request, HttpServletResponse response, ChainVerification result,
                      boolean checkpointWritten) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("checkpointWritten", checkpointWritten);
        model.put("listPath", request.getServletPath().replace("/verify", ""));
        model.put("verifyPath", request.getServletPath());
        render(request, response, "audit/verify", model);
    }
}
