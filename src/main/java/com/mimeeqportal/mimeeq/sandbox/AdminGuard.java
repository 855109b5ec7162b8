package com.mimeeqportal.mimeeq.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What the sandbox's admin hooks share: they answer callers on this machine only (they hand out keys and let tests
 * break the API), name an existing account, and their answers are never cached.
 */
final class AdminGuard {

    /** An IPv4 or IPv6 literal; anything else would make {@link InetAddress#getByName} ask DNS. */
    private static final Pattern IP_LITERAL =
            Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private AdminGuard() {
    }

    /**
     * Whether a request comes from this machine. A reverse proxy here would make every request look local, but
     * proxies say whom they forward for, so a forwarded request is never local.
     */
    static boolean isLocalCaller(String remoteAddress, boolean forwarded) {
        if (forwarded || remoteAddress == null || !IP_LITERAL.matcher(remoteAddress).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean isLocalCaller(HttpServletRequest request) {
        boolean forwarded = request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null;
        return isLocalCaller(request.getRemoteAddr(), forwarded);
    }

    /**
     * The hook's answer: 403 for a caller elsewhere, 404 for an unknown account, 400 for an
     * {@link ApiError.ApiException} the action throws, else the action's answer; always JSON and {@code no-store}.
     */
    static Response answer(boolean localCaller, SandboxAccounts accounts, String accountId,
                           Supplier<Response.ResponseBuilder> action) {
        Response.ResponseBuilder response;
        if (!localCaller) {
            response = Response.status(Response.Status.FORBIDDEN)
                    .entity(SandboxJson.error("The sandbox admin panel answers local callers only", "FORBIDDEN"));
        } else if (accounts.findById(accountId).isEmpty()) {
            response = Response.status(Response.Status.NOT_FOUND)
                    .entity(SandboxJson.error("No sandbox account '" + accountId + "'", "NOT_FOUND"));
        } else {
            response = attempt(action);
        }
        return response.type(MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore()).build();
    }

    private static Response.ResponseBuilder attempt(Supplier<Response.ResponseBuilder> action) {
        try {
            return action.get();
        } catch (ApiError.ApiException e) {
            return Response.status(e.error().status()).entity(SandboxJson.error(e.error()));
        }
    }

    /** Keys are secrets and counters change with every call: no cache on the way may keep either. */
    private static CacheControl noStore() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        return cacheControl;
    }
}
