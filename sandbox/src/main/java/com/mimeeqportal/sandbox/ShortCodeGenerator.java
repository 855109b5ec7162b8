package com.mimeeqportal.sandbox;

import com.mimeeqportal.sandbox.SandboxProduct.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /generate-product-short-code}: the persistent short code of a product and configuration code, the same
 * for the same pair. For a MODULAR product it is a scene short code.
 */
@ApplicationScoped
public class ShortCodeGenerator {

    static final String PRODUCT_FIELD = "productId";
    private static final Pattern PRODUCT_ID =
            Pattern.compile("PROD-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final SandboxCatalog catalog;
    private final ShortCodeRegistry registry;

    @Inject
    public ShortCodeGenerator(SandboxCatalog catalog, ShortCodeRegistry registry) {
        this.catalog = catalog;
        this.registry = registry;
    }

    /** For CDI's proxy only. */
    protected ShortCodeGenerator() {
        this.catalog = null;
        this.registry = null;
    }

    /**
     * The short code, or an {@link ApiError.ApiException}: 400 for missing or malformed parameters, 404 for an unknown
     * or inactive product, 403 for one neither owned nor shared, 400 again for blocks or options the product lacks
     * (checked last, so that a caller without access learns nothing of the product's blocks).
     */
    public String generate(SandboxAccount account, String productId, String configurationCode) {
        FieldErrors errors = new FieldErrors();
        if (FieldErrors.isBlank(productId)) {
            errors.add(PRODUCT_FIELD, "productId is required");
        } else if (!PRODUCT_ID.matcher(productId).matches()) {
            errors.add(PRODUCT_FIELD, "productId must be PROD-<uuid>, not '" + productId + "'");
        }
        Optional<String> code = ConfigurationCodes.decode(configurationCode, errors);
        errors.throwIfAny();
        SandboxProduct product = catalog.product(productId)
                .orElseThrow(() -> ApiError.notFound("Product " + productId + " does not exist").exception());
        if (!product.isAvailableTo(account)) {
            throw ApiError.forbidden("Product " + productId + " is neither owned by nor shared with this account")
                    .exception();
        }
        if (product.status() == Status.INACTIVE) {
            throw ApiError.notFound("Product " + productId + " is inactive").exception();
        }
        return registry.codeFor(ConfigurationCodes.parse(product, code.orElseThrow()));
    }
}
