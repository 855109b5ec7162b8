package com.mimeeqportal.sandbox;

import jakarta.json.JsonStructure;
import jakarta.servlet.http.HttpServletRequest;
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
     * The hook's answer: 403 for a caller elsewhere, 404 for an unknown account, the error of an
     * {@link ApiError.ApiException} the action throws (400 for a bad body), else 200 with the action's JSON.
     * Keys are secrets and counters change with every call, so no cache on the way may keep any of them.
     */
    static ApiAnswer answer(boolean localCaller, SandboxAccounts accounts, String accountId,
                            Supplier<JsonStructure> action) {
        ApiAnswer answer;
        if (!localCaller) {
            answer = ApiAnswer.json(Response.Status.FORBIDDEN,
                    SandboxJson.error("The sandbox admin panel answers local callers only", ApiError.FORBIDDEN));
        } else if (accounts.findById(accountId).isEmpty()) {
            answer = ApiAnswer.json(Response.Status.NOT_FOUND,
                    SandboxJson.error("No sandbox account '" + accountId + "'", ApiError.NOT_FOUND));
        } else {
            answer = attempt(action);
        }
        return answer.withHeader("Cache-Control", "no-store");
    }

    private static ApiAnswer attempt(Supplier<JsonStructure> action) {
        try {
            return ApiAnswer.json(Response.Status.OK, action.get());
        } catch (ApiError.ApiException e) {
            return ApiAnswer.json(e.error().status(), SandboxJson.error(e.error()));
        }
    }
}
