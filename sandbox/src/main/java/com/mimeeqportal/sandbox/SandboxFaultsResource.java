package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * Admin hook that makes the sandbox misbehave towards one account (latency, failures, malformed bodies, a rate
 * limit), so the portal's handling of each can be tested and shown. Local callers only, like the key hooks.
 */
@Path("_admin/accounts/{accountId}/faults")
@ApplicationScoped
public class SandboxFaultsResource {

    private final SandboxAccounts accounts;
    private final Faults faults;
    private final RateLimits rateLimits;

    @Inject
    public SandboxFaultsResource(SandboxAccounts accounts, Faults faults, RateLimits rateLimits) {
        this.accounts = accounts;
        this.faults = faults;
        this.rateLimits = rateLimits;
    }

    /** For CDI's proxy only. */
    protected SandboxFaultsResource() {
        this(null, null, null);
    }

    /** The account's settings, with what is left of {@code failNext} and {@code malformedNext}. */
    @GET
    public Response get(@PathParam("accountId") String accountId, @Context HttpServletRequest request) {
        return get(accountId, AdminGuard.isLocalCaller(request)).toResponse();
    }

    /** Replaces the account's settings as a whole; fields left out take their defaults. */
    @PUT
    @Consumes({"application/json", "text/plain", "*/*"})
    public Response put(@PathParam("accountId") String accountId, String body, @Context HttpServletRequest request) {
        return put(accountId, body, AdminGuard.isLocalCaller(request)).toResponse();
    }

    /** Back to normal: no latency, no faults, no rate limit of its own. */
    @DELETE
    public Response delete(@PathParam("accountId") String accountId, @Context HttpServletRequest request) {
        return delete(accountId, AdminGuard.isLocalCaller(request)).toResponse();
    }

    ApiAnswer get(String accountId, boolean localCaller) {
        return AdminGuard.answer(localCaller, accounts, accountId,
                () -> FaultSettingsJson.write(faults.current(accountId)));
    }

    ApiAnswer put(String accountId, String body, boolean localCaller) {
        return AdminGuard.answer(localCaller, accounts, accountId, () -> {
            FaultSettings settings = FaultSettingsJson.parse(body);
            faults.set(accountId, settings);
            rateLimits.reset(accountId);
            return FaultSettingsJson.write(faults.current(accountId));
        });
    }

    ApiAnswer delete(String accountId, boolean localCaller) {
        return AdminGuard.answer(localCaller, accounts, accountId, () -> {
            faults.reset(accountId);
            rateLimits.reset(accountId);
            return FaultSettingsJson.write(faults.current(accountId));
        });
    }
}
