package com.mimeeqportal.mimeeq.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.UnaryOperator;

/**
 * Emulates the place in Mimeeq's admin panel where a customer reads or regenerates the account's API key
 * (Settings → Account → API); the portal's tests and demo seeding use it. Since it hands out keys, it answers
 * callers on this machine only.
 */
@Path("_admin/accounts/{accountId}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SandboxAdminResource {

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
        return answerWithKey(accountId, AdminGuard.isLocalCaller(request), accounts::currentKey);
    }

    @POST
    @Path("regenerate-key")
    public Response regenerateKey(@PathParam("accountId") String accountId, @Context HttpServletRequest request) {
        return answerWithKey(accountId, AdminGuard.isLocalCaller(request), accounts::regenerateKey);
    }

    private Response answerWithKey(String accountId, boolean localCaller, UnaryOperator<String> keyOf) {
        return AdminGuard.answer(localCaller, accounts, accountId,
                () -> Response.ok(SandboxJson.accountKey(accountId, keyOf.apply(accountId))));
    }
}
