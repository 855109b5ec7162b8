package com.mimeeqportal.security;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.tenant.TenantId;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.LockoutPolicy;
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
 * field message, not a hash computation); then Jakarta Security validates the credential through
 * {@link PortalIdentityStore}, which counts failures and locks accounts ({@link SignIns}). Success
 * starts the session ({@link SignedInSessions}); success and failure are both audited, failures with
 * their reason under the tenant of the typed username when there is one, otherwise in the system log.
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

    @Inject
    SignInAttempt attempt;

    @Inject
    SignedInSessions sessions;

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
        Optional<SignInOutcome> outcome = attempt.outcome();
        if (status == AuthenticationStatus.SUCCESS) {
            signedIn(request, response, outcome.flatMap(SignInOutcome::user)
                    .orElseGet(() -> users.findForSignIn(username).orElseThrow()));
        } else if (status == AuthenticationStatus.SEND_FAILURE) {
            failed(request, typedUsername, outcome.orElseGet(() -> SignInOutcome.invalid(users.findForSignIn(username))));
            // One message for every failure, locked accounts included: nothing tells an account exists.
            showForm(request, response, HttpServletResponse.SC_UNAUTHORIZED, typedUsername, new FormErrors().add("form", "login.failed"));
        }
        // SEND_CONTINUE: the mechanism has already written the response.
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, User user) throws IOException {
        String tenantName = user.tenantId().isSystem() ? null
                : tenants.find(user.tenantId()).map(t -> t.name()).orElse(null);
        String next = sessions.start(request, user, tenantName);
        audit.record(user.tenantId(), AuditEntry.of(AuditEventType.LOGIN).actor(user.username().value())
                .clientIp(RequestAttributes.clientIp(request))
                .correlationId(RequestAttributes.correlationId(request)).success());
        if (!response.isCommitted()) {
            redirect(request, response, next);
        }
    }

    /** Audits the failure with its reason, and the lockout it caused as an event of its own. */
    private void failed(HttpServletRequest request, String typedUsername, SignInOutcome outcome) {
        auditFailure(request, typedUsername, outcome.user(), outcome.result().name());
        outcome.lockedUntil().ifPresent(until -> audit.record(outcome.user().orElseThrow().tenantId(),
                AuditEntry.of(AuditEventType.LOGIN_LOCKOUT).actor(typedUsername)
                        .clientIp(RequestAttributes.clientIp(request))
                        .correlationId(RequestAttributes.correlationId(request))
                        .target("user " + outcome.user().get().username().value())
                        .detail("locked until " + until + " after " + LockoutPolicy.THRESHOLD + " failed sign-ins")
                        .error("TOO_MANY_FAILURES")));
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
