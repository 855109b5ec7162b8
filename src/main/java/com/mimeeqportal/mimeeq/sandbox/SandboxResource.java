package com.mimeeqportal.mimeeq.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The emulated Mimeeq REST API, on the same flat paths as {@code https://mimeeqapi.com}. Every call needs an
 * account's current key in {@code X-API-KEY}; a missing, unknown or replaced key gets Mimeeq's 401.
 */
@Path("")
@ApplicationScoped
public class SandboxResource {

    private static final String API_KEY_HEADER = "X-API-KEY";

    private final SandboxAccounts accounts;
    private final SandboxCatalog catalog;

    @Inject
    public SandboxResource(SandboxAccounts accounts, SandboxCatalog catalog) {
        this.accounts = accounts;
        this.catalog = catalog;
    }

    /** For CDI's proxy only. */
    protected SandboxResource() {
        this.accounts = null;
        this.catalog = null;
    }

    /** All products the key's account owns or has been shared, as one array (Mimeeq does not page it). */
    @GET
    @Path("get-products-general-info")
    public Response productsGeneralInfo(@HeaderParam(API_KEY_HEADER) String apiKey, @Context UriInfo uriInfo) {
        return accounts.findByKey(apiKey)
                .map(account -> json(Response.Status.OK,
                        SandboxJson.productsGeneralInfo(catalog.availableTo(account), account, uriInfo.getBaseUri())))
                .orElseGet(() -> json(Response.Status.UNAUTHORIZED, SandboxJson.invalidApiKey()));
    }

    /** Mimeeq answers JSON whatever the request's Accept header says, so the type is set, not negotiated. */
    private static Response json(Response.Status status, JsonStructure body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
