package com.mimeeqportal.security;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.tenant.TenantId;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Username;
import com.mimeeqportal.user.Users;
import com.mimeeqportal.web.FormErrors;
import com.mimeeqportal.web.InvalidInputException;
import com.mimeeqportal.web.PageServlet;
import com.mimeeqportal.web.RequestAttributes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in. The form's input is checked first (a 10,000-character or control-character username gets a
 * field message, not a hash computation); then Jakarta Security validates the credential. Success gets
 * a new session id; success and failure are both audited, failures under the tenant of the typed
 * username when there is one, otherwise in the system log.
 */
@WebServlet("/login")
public class LoginServlet extends PageServlet {

    static final int MAX_PASSWORD = 128;

    @Inject
    SecurityContext securityContext;

    @Inject
    Users users;

    @Inject
    Tenants tenants;

    @Inject
    AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (RequestAttributes.signedInUser(request).isPresent()) {
            redirect(request, response, "/");
            return;
        }
        render(request, response, "login", Map.of("username", "", "errors", new FormErrors()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String typedUsername = field(request, "username");
        String password = field(request, "password");
        FormErrors errors = new FormErrors();
        Username username = errors.check(() -> new Username(typedUsername));
        if (password.isEmpty()) {
            errors.add("password", "validation.required");
        } else if (password.length() > MAX_PASSWORD) {
            errors.add("password", "validation.tooLong", MAX_PASSWORD);
        }
        if (errors.any()) {
            auditFailure(request, typedUsername, Optional.empty(), "INVALID_INPUT");
            showForm(request, response, HttpServletResponse.SC_BAD_REQUEST, typedUsername, errors);
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, response, AuthenticationParameters
                .withParams()
                .credential(new UsernamePasswordCredential(username.value(), new Password(password)))
                .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            signedIn(request, response, username);
        } else if (status == AuthenticationStatus.SEND_FAILURE) {
            auditFailure(request, typedUsername, users.findForSignIn(username), "INVALID_CREDENTIALS");
            showForm(request, response, HttpServletResponse.SC_UNAUTHORIZED, typedUsername, new FormErrors().add("form", "login.failed"));
        }
        // SEND_CONTINUE: the mechanism has already written the response.
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, Username username)
            throws IOException {
        User user = users.findForSignIn(username).orElseThrow();
        String tenantName = user.tenantId().isSystem() ? null
                : tenants.find(user.tenantId()).map(t -> t.name()).orElse(null);
        request.changeSessionId();
        SignedInUser signedIn = new SignedInUser(user.id(), user.username(), user.tenantId(), tenantName, user.role());
        request.getSession().setAttribute(RequestAttributes.SIGNED_IN_USER, signedIn);
        audit.record(user.tenantId(), AuditEntry.of(AuditEventType.LOGIN).actor(username.value())
                .clientIp(RequestAttributes.clientIp(request))
                .correlationId(RequestAttributes.correlationId(request)).success());
        if (!response.isCommitted()) {
            redirect(request, response, "/");
        }
    }

    private void auditFailure(HttpServletRequest request, String typedUsername, Optional<User> user, String reason) {
        TenantId tenant = user.map(User::tenantId).orElse(TenantId.SYSTEM);
        audit.record(tenant, AuditEntry.of(AuditEventType.LOGIN).actor(typedUsername)
                .clientIp(RequestAttributes.clientIp(request))
                .correlationId(RequestAttributes.correlationId(request)).error(reason));
    }

    /** The form again, with the username as typed (escaped by Thymeleaf) and never the password. */
    private void showForm(HttpServletRequest request, HttpServletResponse response, int status, String typedUsername,
                          FormErrors errors) throws IOException {
        render(request, response, status, "login", Map.of("username", typedUsername, "errors", errors));
    }
}
