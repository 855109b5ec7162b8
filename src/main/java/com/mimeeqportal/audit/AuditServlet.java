package com.mimeeqportal.audit;

import com.mimeeqportal.web.InvalidInputException;
import com.mimeeqportal.web.PageRequest;
import com.mimeeqportal.web.PageServlet;
import com.mimeeqportal.web.RequestAttributes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** /admin/audit (ACCOUNT_ADMIN) and /operator/audit (OPERATOR): the caller's own tenant's log, newest first. */
@WebServlet({"/admin/audit", "/operator/audit"})
public class AuditServlet extends PageServlet {

    static final int PAGE_SIZE = 50;

    @Inject
    AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PageRequest page;
        try {
            page = PageRequest.parse(request.getParameter("page"), PAGE_SIZE);
        } catch (InvalidInputException e) {
            badRequest(request, response, e);
            return;
        }
        var tenant = RequestAttributes.actor(request).tenant();
        render(request, response, "audit/list", Map.of("events", audit.page(tenant, page),
                "basePath", request.getServletPath()));
    }
}
