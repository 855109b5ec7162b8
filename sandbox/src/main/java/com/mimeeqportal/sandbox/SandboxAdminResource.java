package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.function.UnaryOperator;

/**
 * Emulates the place in Mimeeq's admin panel where a customer reads or regenerates the account's API key
 * (Settings → Account → API); the portal's tests and demo seeding use it. Since it hands out keys, it answers
 * callers on this machine only.
 */
@Path("_admin/accounts/{accountId}")
@ApplicationScoped
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
        return key(accountId, AdminGuard.isLocalCaller(request)).toResponse();
    }

    @POST
    @Path("regenerate-key")
    public Response regenerateKey(@PathParam("accountId") String accountId, @Context HttpServletRequest request) {
        return regenerateKey(accountId, AdminGuard.isLocalCaller(request)).toResponse();
    }

    ApiAnswer key(String accountId, boolean localCaller) {
        return answerWithKey(accountId, localCaller, accounts::currentKey);
    }

    ApiAnswer regenerateKey(String accountId, boolean localCaller) {
        return answerWithKey(accountId, localCaller, accounts::regenerateKey);
    }

    private ApiAnswer answerWithKey(String accountId, boolean localCaller, UnaryOperator<String> keyOf) {
        return AdminGuard.answer(localCaller, accounts, accountId,
                () -> SandboxJson.accountKey(accountId, keyOf.apply(accountId)));
    }
}
