package com.mimeeqportal.security;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.AuditUnavailableException;
import com.mimeeqportal.system.Database;
import com.mimeeqportal.system.PortalConfig;
import com.mimeeqportal.user.User;
import com.mimeeqportal.web.CsrfTokens;
import com.mimeeqportal.web.RequestAttributes;
import com.mimeeqportal.web.SessionGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Signed-in sessions from start to end. At sign-in the session gets a new id, the user, and a
 * {@link SessionStamp}. Before every page the session is checked against the database: a disabled or
 * deleted user, a raised session epoch (password reset, "sign out my other sessions"), a suspended tenant
 * or the absolute timeout ends it at once. A user who must change the password is kept on that page. The
 * user's language and time zone, if changed in another session, are copied into this one from the same read.
 * One primary-key read per request ({@link Standing}) buys that a disabled user is gone at the next click,
 * not at the next idle timeout.
 */
@ApplicationScoped
public class SignedInSessions implements SessionGate {

    static final String PASSWORD_PAGE = "/account/password";
    /** What a user who must change the password may still open. */
    private static final Set<String> WHILE_CHANGING = Set.of(PASSWORD_PAGE, "/logout", "/error");

    private final Database database;
    private final AuditLog audit;
    private final SessionLimits limits;
    private final Clock clock;

    @Inject
    public SignedInSessions(Database database, AuditLog audit, PortalConfig config) {
        this.database = database;
        this.audit = audit;
        this.limits = SessionLimits.from(config);
        this.clock = Clock.systemUTC();
    }

    protected SignedInSessions() {
        this.database = null;
        this.audit = null;
        this.limits = null;
        this.clock = null;
    }

    /**
     * Audits and then starts the session of a user who has just signed in; returns where to send them. Fail
     * closed: when the LOGIN entry can't be written, the container's sign-in is undone and no session holds
     * the user (the error page answers 503).
     */
    public String start(HttpServletRequest request, User user, String tenantName) {
        auditFirst(request, user.tenantId(), AuditEntry.of(AuditEventType.LOGIN).actor(user.username().value())
                .clientIp(RequestAttributes.clientIp(request))
                .correlationId(RequestAttributes.correlationId(request)).success(), true);
        // The id changes even if Jakarta Security has only just started the session: a container may give a new
        // session the id the request asked for, and that id (a cookie someone planted) must never be signed in.
        HttpSession session = request.getSession();
        request.changeSessionId();
        CsrfTokens.rotate(request);
        session.setAttribute(RequestAttributes.SIGNED_IN_USER,
                new SignedInUser(user.id(), user.username(), user.tenantId(), tenantName, user.role()));
        new SessionStamp(user.sessionEpoch(), clock.instant()).storeIn(session);
        RequestAttributes.keepPreferences(session, user.preferences());
        session.setMaxInactiveInterval(limits.idleSeconds());
        return user.mustChangePassword() ? PASSWORD_PAGE : "/";
    }

    /**
     * Sign-out: audited, then the container's sign-in and the session are ended. Fail closed like sign-in:
     * if the LOGOUT entry can't be written the session stays and the page says why (503), rather than the
     * session ending with no trace.
     */
    public void signOut(HttpServletRequest request) throws ServletException {
        Optional<SignedInUser> user = RequestAttributes.signedInUser(request);
        if (user.isPresent()) {
            auditFirst(request, user.get().tenantId(), AuditEntry.of(AuditEventType.LOGOUT)
                    .actor(user.get().username().value())
                    .clientIp(RequestAttributes.clientIp(request))
                    .correlationId(RequestAttributes.correlationId(request)).success(), false);
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void auditFirst(HttpServletRequest request, TenantId tenant, AuditEntry entry, boolean undoSignIn) {
        try {
            audit.record(tenant, entry);
        } catch (RuntimeException e) {
            if (undoSignIn) {
                try {
                    request.logout();
                } catch (ServletException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
            }
            throw e instanceof AuditUnavailableException unavailable ? unavailable : new AuditUnavailableException(e);
        }
    }

    /** After the user's own password change: this session stays, at the user's current epoch. */
    public void keep(HttpServletRequest request, int epoch) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            SessionStamp.of(session).ifPresent(stamp -> stamp.atEpoch(epoch).storeIn(session));
        }
    }

    /**
     * Checks the request's session, if signed in. Returns false when it has answered the request itself:
     * a redirect to sign in again, or to the password page.
     */
    @Override
    public boolean admit(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException, ServletException {
        Optional<SignedInUser> signedIn = RequestAttributes.signedInUser(request);
        if (signedIn.isEmpty()) {
            return true;
        }
        HttpSession session = request.getSession(false);
        Optional<SessionStamp> stamp = SessionStamp.of(session);
        Optional<Standing> standing = database.readPlainAsSystem(sql -> Standing.read(sql, signedIn.get().userId()));
        Optional<String> ended = endReason(limits, stamp, standing, clock.instant());
        if (ended.isPresent()) {
            end(request, signedIn.get(), ended.get());
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return false;
        }
        Standing now = standing.get();
        if (!now.preferences().equals(RequestAttributes.preferences(request).orElse(null))) {
            // Chosen in another session of the same user: the row read above has it, so this costs no query.
            RequestAttributes.keepPreferences(session, now.preferences());
        }
        if (now.mustChangePassword() && !WHILE_CHANGING.contains(path)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return false;
        }
        return true;
    }

    /** Why the session must end now, if it must: the audit reason of its SESSION_END. */
    static Optional<String> endReason(SessionLimits limits, Optional<SessionStamp> stamp, Optional<Standing> standing,
                                      Instant now) {
        if (stamp.isEmpty() || standing.isEmpty()) {
            return Optional.of("NO_SUCH_SIGN_IN");
        }
        if (!standing.get().enabled()) {
            return Optional.of("USER_DISABLED");
        }
        if (standing.get().sessionEpoch() != stamp.get().epoch()) {
            return Optional.of("SIGNED_OUT_ELSEWHERE");
        }
        if (!standing.get().tenantActive()) {
            return Optional.of("TENANT_SUSPENDED");
        }
        if (limits.expired(stamp.get().signedInAt(), now)) {
            return Optional.of("ABSOLUTE_TIMEOUT");
        }
        return Optional.empty();
    }

    private void end(HttpServletRequest request, SignedInUser user, String reason) throws ServletException {
        audit.record(user.tenantId(), AuditEntry.of(AuditEventType.SESSION_END).actor(user.username().value())
                .clientIp(RequestAttributes.clientIp(request))
                .correlationId(RequestAttributes.correlationId(request)).error(reason));
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
