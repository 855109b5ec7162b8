package com.mimeeqportal.sandbox;

import com.mimeeqportal.sandbox.SandboxProduct.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/**
 * Finds what a {@code shortCode} parameter stands for on behalf of an account, with the errors the info and price
 * endpoints share: 400 for a code that cannot be one, 404 for an unknown code, an embed code or an inactive
 * product (Mimeeq does not expose inactive products through the API), 403 for a product neither owned nor shared.
 */
@ApplicationScoped
public class ShortCodeLookup {

    static final String FIELD = "shortCode";
    private static final Pattern SHORT_CODE = Pattern.compile("[A-Z0-9]{6}");

    private final ShortCodeRegistry registry;

    @Inject
    public ShortCodeLookup(ShortCodeRegistry registry) {
        this.registry = registry;
    }

    /** For CDI's proxy only. */
    protected ShortCodeLookup() {
        this.registry = null;
    }

    /** Checks the parameter's form only, adding to {@code errors}; call before {@link #find}. */
    static void check(String shortCode, FieldErrors errors) {
        if (FieldErrors.isBlank(shortCode)) {
            errors.add(FIELD, "shortCode is required");
        } else if (!SHORT_CODE.matcher(shortCode).matches()) {
            errors.add(FIELD, "shortCode must be 6 characters A-Z or 0-9, not '" + shortCode + "'");
        }
    }

    /** The configuration or scene the code stands for, if {@code account} may see it. */
    public ShortCodeTarget find(String shortCode, SandboxAccount account) {
        ShortCodeTarget target = registry.resolve(shortCode)
                .orElseThrow(() -> ApiError.notFound("Short code " + shortCode + " does not exist").exception());
        if (target instanceof ShortCodeTarget.Embed) {
            throw ApiError.notFound("Short code " + shortCode
                    + " is an embed short code; use a configuration or scene short code").exception();
        }
        SandboxProduct product = target.product();
        if (!product.isAvailableTo(account)) {
            throw ApiError.forbidden("Product " + product.productId()
                    + " is neither owned by nor shared with this account").exception();
        }
        if (product.status() == Status.INACTIVE) {
            throw ApiError.notFound("Short code " + shortCode + " belongs to an inactive product").exception();
        }
        return target;
    }
}
