package com.mimeeqportal.security;

import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.Messages;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.PasswordPolicy;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import com.mimeeqportal.web.CsrfTokens;
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
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in. The per-client and global rate limits ({@link SignInThrottle}) come first, then the form's input is checked (a 10,000-character or control-character username gets a
 * field message, not a hash computation); then Jakarta Security validates the credential through
 * {@link PortalIdentityStore}, which counts failures and locks accounts ({@link SignIns}). Success
 * starts the session ({@link SignedInSessions}, which audits it); failures are audited by
 * {@link FailedSignIns}.
 */
@WebServlet(urlPatterns = "/login", asyncSupported = true)
public class LoginServlet extends PageServlet {

    static final int MAX_PASSWORD = 128;

    @Inject
    SecurityContext securityContext;

    @Inject
    Users users;

    @Inject
    Tenants tenants;

    @Inject
    FailedSignIns failures;

    @Inject
    SignInAttempt attempt;

    @Inject
    SignedInSessions sessions;

    @Inject
    SignInThrottle throttle;

    @Inject
    SignInTarpit tarpit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (RequestAttributes.signedInUser(request).isPresent()) {
            redirect(request, response, "/");
            return;
        }
        showForm(request, response, HttpServletResponse.SC_OK, "", new FormErrors());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String typedUsername = field(request, "username");
        String password = field(request, "password");
        String client = RequestAttributes.clientIp(request);
        // The rate limits come first: a refused attempt costs a map lookup, never a password hash.
        SignInThrottle.Permit permit = throttle.acquire(client);
        if (!permit.allowed()) {
            failures.throttled(typedUsername, client, RequestAttributes.correlationId(request));
            tooMany(request, response, permit.retryAfter());
            return;
        }
        FormErrors errors = new FormErrors();
        Username username = errors.check(() -> new Username(typedUsername));
        if (password.isEmpty()) {
            errors.add("password", "validation.required");
        } else if (PasswordPolicy.length(password) > MAX_PASSWORD) {
            errors.add("password", "validation.tooLong", MAX_PASSWORD);
        }
        if (errors.any()) {
            failures.invalidInput(typedUsername, RequestAttributes.clientIp(request), RequestAttributes.correlationId(request));
            showForm(request, response, HttpServletResponse.SC_BAD_REQUEST, typedUsername, errors);
            return;
        }
        attempt.from(client);
        AuthenticationStatus status = securityContext.authenticate(request, response, AuthenticationParameters
                .withParams()
                .credential(new UsernamePasswordCredential(username.value(), new Password(password)))
                .newAuthentication(true));
        Optional<SignInOutcome> outcome = attempt.outcome();
        if (status == AuthenticationStatus.SUCCESS) {
            throttle.giveBack(permit);
            signedIn(request, response, outcome.flatMap(SignInOutcome::user)
                    .orElseGet(() -> users.findForSignIn(username).orElseThrow()));
        } else if (status == AuthenticationStatus.SEND_FAILURE) {
            SignInOutcome failed = outcome.orElseGet(() -> SignInOutcome.invalid(users.findForSignIn(username)));
            failures.refused(typedUsername, failed, RequestAttributes.clientIp(request), RequestAttributes.correlationId(request));
            if (failed.result() == SignInOutcome.Result.BUSY) {
                // Too many repeated guesses waiting their turn: nothing was checked, so say "later", not "wrong".
                tooMany(request, response, RepeatGuessPacing.RETRY_AFTER);
                return;
            }
            // One message for every failure, locked accounts included: nothing tells an account exists.
            showForm(request, response, HttpServletResponse.SC_UNAUTHORIZED, typedUsername, new FormErrors().add("form", "login.failed"));
        }
        // SEND_CONTINUE: the mechanism has already written the response.
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, User user) throws IOException {
        String tenantName = user.tenantId().isSystem() ? null
                : tenants.find(user.tenantId()).map(t -> t.name()).orElse(null);
        String next = sessions.start(request, user, tenantName);
        if (!response.isCommitted()) {
            redirect(request, response, next);
        }
    }

    /**
     * 429 with Retry-After: the page says to wait, and for how long; nothing about the account. The answer is
     * held back a moment ({@link SignInTarpit}) so that a flood waiting for it slows itself down.
     */
    private void tooMany(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
            throws IOException {
        long seconds = retryAfter.toSeconds();
        response.setHeader("Retry-After", Long.toString(seconds));
        render(request, response, 429, "error", Map.of("title", Messages.get("error.429.title"),
                "message", Messages.get("login.throttled", seconds)));
        tarpit.hold(request);
    }

    /**
     * The form again, with the username as typed (escaped by Thymeleaf) and never the password. Its CSRF
     * token lives in a cookie, not a session: showing the form starts none ({@link CsrfTokens}).
     */
    private void showForm(HttpServletRequest request, HttpServletResponse response, int status, String typedUsername,
                          FormErrors errors) throws IOException {
        CsrfTokens.forSignedOutForm(request, response);
        render(request, response, status, "login", Map.of("username", typedUsername, "errors", errors));
    }
}
