package com.mimeeqportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.system.AuditUnavailableException;
import com.mimeeqportal.system.PortalConfig;
import com.mimeeqportal.user.User;
import com.mimeeqportal.web.RequestAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sign-in and sign-out don't happen when their audit entry can't be written. */
class SignInFailClosedTest {

    private final List<String> calls = new ArrayList<>();
    private final SignedInSessions sessions = new SignedInSessions(null, new BrokenAuditLog(), new Config());

    @Test
    void aSignInThatCannotBeAuditedIsUndoneBeforeTheSessionHoldsTheUser() {
        User user = new User(new Username("someone@example.com"), "hash", Role.OPERATOR, Instant.now());
        stampTenant(user);
        assertThrows(AuditUnavailableException.class, () -> sessions.start(request(null), user, null));
        assertTrue(calls.contains("logout"), "the container's sign-in is undone: " + calls);
        assertTrue(calls.stream().noneMatch(c -> c.equals("changeSessionId") || c.startsWith("setAttribute")),
                "no session was given the user: " + calls);
    }

    @Test
    void aSignOutThatCannotBeAuditedLeavesTheSessionAsItWas() {
        SignedInUser user = new SignedInUser("u-1", new Username("someone@example.com"), TenantId.SYSTEM, null,
                Role.OPERATOR);
        assertThrows(AuditUnavailableException.class, () -> sessions.signOut(request(user)));
        assertEquals(List.of(), calls.stream().filter(c -> c.equals("logout") || c.equals("invalidate")).toList());
    }

    /** A request whose session holds {@code signedIn} (if any); records what is done to it. */
    private HttpServletRequest request(SignedInUser signedIn) {
        HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpSession.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return method.getName().equals("getAttribute") && RequestAttributes.SIGNED_IN_USER.equals(args[0])
                            ? signedIn : null;
                });
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "getSession" -> session;
                        case "getUserPrincipal" -> (Principal) () -> "someone";
                        case "getRemoteAddr" -> "203.0.113.9";
                        default -> null;
                    };
                });
    }

    /** Hibernate stamps the tenant at persist; a user that never met a session gets it here. */
    private static void stampTenant(User user) {
        try {
            var field = User.class.getDeclaredField("tenantId");
            field.setAccessible(true);
            field.set(user, TenantId.SYSTEM.value());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static final class BrokenAuditLog extends AuditLog {
        @Override
        public void record(TenantId tenant, AuditEntry entry) {
            throw new IllegalStateException("the audit table refuses writes");
        }
    }

    private static final class Config extends PortalConfig {
        @Override
        public Duration sessionIdle() {
            return Duration.ofMinutes(30);
        }

        @Override
        public Duration sessionAbsolute() {
            return Duration.ofHours(12);
        }
    }
}
