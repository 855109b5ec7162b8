package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;

/**
 * Stands in for the CDN that serves Mimeeq's preview images: no key needed, and cacheable, because a product's
 * image never changes.
 */
@Path("images")
@ApplicationScoped
public class SandboxImageResource {

    private static final String SVG = "image/svg+xml";
    private static final int CACHE_SECONDS = (int) Duration.ofDays(1).toSeconds();

    private final SandboxCatalog catalog;

    @Inject
    public SandboxImageResource(SandboxCatalog catalog) {
        this.catalog = catalog;
    }

    /** For CDI's proxy only. */
    protected SandboxImageResource() {
        this.catalog = null;
    }

    /** Where the product's preview image is served, below the sandbox's base URI (which ends in {@code /}). */
    static URI previewImageUri(URI sandboxBase, SandboxProduct product) {
        return sandboxBase.resolve("images/" + product.productId() + ".svg");
    }

    @GET
    @Path("{productId}.svg")
    @Produces(SVG)
    public Response previewImage(@PathParam("productId") String productId) {
        return catalog.product(productId)
                .map(product -> Response.ok(PreviewImages.svg(product)).cacheControl(publicFor(CACHE_SECONDS)).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }

    private static CacheControl publicFor(int seconds) {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setMaxAge(seconds);
        return cacheControl;
    }
}
