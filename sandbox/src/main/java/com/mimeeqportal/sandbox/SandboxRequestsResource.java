package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Admin hook that tells how many API calls reached the sandbox for an account, per endpoint, so the portal's tests
 * can prove a call was or was not made. Local callers only, like the key hooks.
 */
@Path("_admin/accounts/{accountId}/requests")
@ApplicationScoped
public class SandboxRequestsResource {

    /** One provider for every document: {@code Json.create…} looks the provider up (a ServiceLoader scan) on each call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final SandboxAccounts accounts;
    private final RequestCounter counter;

    @Inject
    public SandboxRequestsResource(SandboxAccounts accounts, RequestCounter counter) {
        this.accounts = accounts;
        this.counter = counter;
    }

    /** For CDI's proxy only. */
    protected SandboxRequestsResource() {
        this(null, null);
    }

    @GET
    public Response get(@PathParam("accountId") String accountId, @Context HttpServletRequest request) {
        return get(accountId, AdminGuard.isLocalCaller(request)).toResponse();
    }

    /** Starts counting from zero, e.g. at the start of a test. */
    @DELETE
    public Response delete(@PathParam("accountId") String accountId, @Context HttpServletRequest request) {
        return delete(accountId, AdminGuard.isLocalCaller(request)).toResponse();
    }

    ApiAnswer get(String accountId, boolean localCaller) {
        return AdminGuard.answer(localCaller, accounts, accountId, () -> json(counter.counts(accountId)));
    }

    ApiAnswer delete(String accountId, boolean localCaller) {
        return AdminGuard.answer(localCaller, accounts, accountId, () -> {
            counter.reset(accountId);
            return json(counter.counts(accountId));
        });
    }

    /** {@code {"total":n,"byEndpoint":{"get-products-general-info":n,…}}}, every endpoint listed. */
    static JsonObject json(RequestCounter.Counts counts) {
        JsonObjectBuilder byEndpoint = JSON.createObjectBuilder();
        counts.byEndpoint().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> byEndpoint.add(entry.getKey().path(), entry.getValue()));
        return JSON.createObjectBuilder().add("total", counts.total()).add("byEndpoint", byEndpoint).build();
    }
}
