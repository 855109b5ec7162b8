package com.mimeeqportal.security;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.web.PageServlet;
import com.mimeeqportal.web.RequestAttributes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** Sign-out is a POST (with the CSRF token), so no link or image elsewhere can sign anyone out. */
@WebServlet("/logout")
public class LogoutServlet extends PageServlet {

    @Inject
    AuditLog audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        RequestAttributes.signedInUser(request).ifPresent(user -> audit.record(user.tenantId(),
                AuditEntry.of(AuditEventType.LOGOUT).actor(user.username().value())
                        .clientIp(RequestAttributes.clientIp(request))
                        .correlationId(RequestAttributes.correlationId(request)).success()));
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        redirect(request, response, "/login?signedOut");
    }
}
