package com.mimeeqportal.mimeeq.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Emulates the place in Mimeeq's admin panel where a customer reads or regenerates the account's API key
 * (Settings → Account → API); the portal's tests and demo seeding use it. Since it hands out keys, it answers
 * callers on this machine only.
 */
@Path("_admin/accounts/{accountId}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SandboxAdminResource {

    /** An IPv4 or IPv6 literal; anything else would make {@link InetAddress#getByName} ask DNS. */
    private static final Pattern IP_LITERAL =
            Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final SandboxAccounts accounts;

    @Inject
    public SandboxAdminResource(SandboxAccounts accounts) {
        this.accounts = accounts;
    }

    /** For CDI's proxy only. */
    protected SandboxAdminResource() {
        this.accounts = null;
    }

    @GET
    @Path("key")
    public Response key(@PathParam("accountId") String accountId, @Context HttpServletRequest request) {
        return answerWithKey(accountId, request, accounts::currentKey);
    }

    @POST
    @Path("regenerate-key")
    public Response regenerateKey(@PathParam("accountId") String accountId, @Context HttpServletRequest request) {
        return answerWithKey(accountId, request, accounts::regenerateKey);
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

    private Response answerWithKey(String accountId, HttpServletRequest request, UnaryOperator<String> keyOf) {
        boolean forwarded = request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null;
        if (!isLocalCaller(request.getRemoteAddr(), forwarded)) {
            return Response.status(Response.Status.FORBIDDEN)
                    .entity(SandboxJson.error("The sandbox admin panel answers local callers only", "FORBIDDEN"))
                    .build();
        }
        if (accounts.findById(accountId).isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(SandboxJson.error("No sandbox account '" + accountId + "'", "NOT_FOUND"))
                    .build();
        }
        return Response.ok(SandboxJson.accountKey(accountId, keyOf.apply(accountId)))
                .cacheControl(noStore())
                .build();
    }

    /** The body is a secret: no cache on the way may keep it. */
    private static CacheControl noStore() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        return cacheControl;
    }
}
