package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The emulated Mimeeq REST API, on the same flat paths as {@code https://mimeeqapi.com}. Every call goes through the
 * {@link SandboxGate} (key, counting, rate limits, faults); the answers come from the services, so this class only
 * maps HTTP onto them. Query parameters arrive as text and are checked by the services, so that a bad value gets
 * Mimeeq's 400 body rather than the container's.
 */
@Path("")
@ApplicationScoped
public class SandboxResource {

    private static final String API_KEY_HEADER = "X-API-KEY";

    private final SandboxGate gate;
    private final SandboxCatalog catalog;
    private final ProductInfoService productInfo;
    private final PriceInfoService priceInfo;
    private final ShortCodeGenerator shortCodes;
    private final Optional<URI> publicUrl;

    @Inject
    public SandboxResource(SandboxGate gate, SandboxCatalog catalog, ProductInfoService productInfo,
                           PriceInfoService priceInfo, ShortCodeGenerator shortCodes, SandboxConfig config) {
        this(gate, catalog, productInfo, priceInfo, shortCodes, config.publicUrl());
    }

    /** {@code publicUrl}: where browsers reach the sandbox, if not where the API request came to. */
    SandboxResource(SandboxGate gate, SandboxCatalog catalog, ProductInfoService productInfo,
                    PriceInfoService priceInfo, ShortCodeGenerator shortCodes, Optional<URI> publicUrl) {
        this.gate = gate;
        this.catalog = catalog;
        this.productInfo = productInfo;
        this.priceInfo = priceInfo;
        this.shortCodes = shortCodes;
        this.publicUrl = publicUrl;
    }

    /** For CDI's proxy only. */
    protected SandboxResource() {
        this(null, null, null, null, null, Optional.empty());
    }

    /**
     * The base of the image links in an answer. Mimeeq's are absolute CDN addresses that a browser opens directly,
     * so the sandbox's are too: on the configured public URL, else on the address (Host header included) that the
     * request came to, which is where its caller reaches the sandbox.
     */
    URI imageBase(URI requestBase) {
        return publicUrl.orElse(requestBase);
    }

    /** All products the key's account owns or has been shared, as one array (Mimeeq does not page it). */
    @GET
    @Path("get-products-general-info")
    public Response productsGeneralInfo(@HeaderParam(API_KEY_HEADER) String apiKey, @Context UriInfo uriInfo) {
        return productsGeneralInfo(apiKey, imageBase(uriInfo.getBaseUri())).toResponse();
    }

    ApiAnswer productsGeneralInfo(String apiKey, URI sandboxBase) {
        return gate.call(apiKey, ApiEndpoint.PRODUCTS_GENERAL_INFO,
                account -> SandboxJson.productsGeneralInfo(catalog.availableTo(account), account, sandboxBase));
    }

    /** The product and chosen options behind a configuration or scene short code, names in {@code lang}. */
    @GET
    @Path("get-product-info")
    public Response productInfo(@HeaderParam(API_KEY_HEADER) String apiKey, @QueryParam("shortCode") String shortCode,
                                @QueryParam("quantity") String quantity, @QueryParam("lang") String lang,
                                @Context UriInfo uriInfo) {
        return productInfo(apiKey, shortCode, quantity, lang, imageBase(uriInfo.getBaseUri())).toResponse();
    }

    ApiAnswer productInfo(String apiKey, String shortCode, String quantity, String lang, URI sandboxBase) {
        return gate.call(apiKey, ApiEndpoint.PRODUCT_INFO, account -> ProductInfoJson.productInfo(
                productInfo.find(account, shortCode, quantity), Language.orDefault(lang), sandboxBase));
    }

    /** The price of a configuration or scene short code at a quantity, from one pricing source. */
    @GET
    @Path("get-product-price-info")
    public Response priceInfo(@HeaderParam(API_KEY_HEADER) String apiKey, @QueryParam("shortCode") String shortCode,
                              @QueryParam("quantity") String quantity, @QueryParam("companyId") String companyId,
                              @QueryParam("priceListIds") List<String> priceListIds,
                              @QueryParam("priceListGroup") String priceListGroup,
                              @QueryParam("templateId") String templateId, @QueryParam("lang") String lang) {
        return priceInfo(apiKey, new PriceRequest(shortCode, quantity, companyId, priceListIds, priceListGroup,
                templateId, lang)).toResponse();
    }

    ApiAnswer priceInfo(String apiKey, PriceRequest request) {
        return gate.call(apiKey, ApiEndpoint.PRODUCT_PRICE_INFO,
                account -> PriceInfoJson.priceInfo(priceInfo.price(account, request)));
    }

    /** The persistent short code of a product and a base64-encoded configuration code; a scene code if MODULAR. */
    @POST
    @Path("generate-product-short-code")
    public Response generateShortCode(@HeaderParam(API_KEY_HEADER) String apiKey,
                                      @QueryParam("productId") String productId,
                                      @QueryParam("configurationCode") String configurationCode) {
        return shortCode(apiKey, productId, configurationCode).toResponse();
    }

    ApiAnswer shortCode(String apiKey, String productId, String configurationCode) {
        return gate.call(apiKey, ApiEndpoint.GENERATE_SHORT_CODE,
                account -> SandboxJson.shortCode(shortCodes.generate(account, productId, configurationCode)));
    }
}
