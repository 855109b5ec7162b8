package com.mimeeqportal.account;

import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.security.SignedInSessions;
import com.mimeeqportal.user.PasswordPolicy;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import com.mimeeqportal.web.CsrfTokens;
import com.mimeeqportal.web.PageServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * /account/password (everyone signed in): change one's own password. Users with a one-time password are
 * kept here by {@link SignedInSessions} until they have chosen their own.
 */
@WebServlet("/account/password")
public class PasswordServlet extends PageServlet {

    @Inject
    PasswordChange passwordChange;

    @Inject
    SignedInSessions sessions;

    @Inject
    Users users;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        show(request, response, HttpServletResponse.SC_OK, new FormErrors(), request.getParameter("changed") != null,
                false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean signOutOthers = "yes".equals(request.getParameter("signOutOthers"));
        var form = new PasswordChange.Form(field(request, "currentPassword"), field(request, "newPassword"),
                field(request, "confirmPassword"), signOutOthers);
        FormErrors errors = new FormErrors();
        var epoch = passwordChange.change(actor(request), form, errors);
        if (epoch.isEmpty()) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, errors, false, signOutOthers);
            return;
        }
        // This session stays signed in, under a new id, at the epoch that ended the others.
        sessions.keep(request, epoch.get());
        request.changeSessionId();
        CsrfTokens.rotate(request);
        redirect(request, response, "/account/password?changed");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, FormErrors errors,
                      boolean changed, boolean signOutOthers) throws IOException {
        var me = actor(request).user();
        boolean mustChange = users.find(me.tenantId(), me.userId()).map(User::mustChangePassword).orElse(false);
        Map<String, Object> model = new HashMap<>();
        model.put("errors", errors);
        model.put("changed", changed);
        model.put("mustChange", mustChange);
        model.put("signOutOthers", signOutOthers);
        model.put("min", PasswordPolicy.MIN);
        model.put("max", PasswordPolicy.MAX);
        render(request, response, status, "account/password", model);
    }
}
