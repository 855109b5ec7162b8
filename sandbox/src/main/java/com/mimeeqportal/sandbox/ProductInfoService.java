package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code GET /get-product-info}: checks the parameters and finds what the short code stands for. {@code quantity}
 * is optional (a real client omits it) but, when sent, must be valid like on the price endpoint; it does not change
 * the answer.
 */
@ApplicationScoped
public class ProductInfoService {

    private final ShortCodeLookup lookup;

    @Inject
    public ProductInfoService(ShortCodeLookup lookup) {
        this.lookup = lookup;
    }

    /** For CDI's proxy only. */
    protected ProductInfoService() {
        this.lookup = null;
    }

    public ShortCodeTarget find(SandboxAccount account, String shortCode, String quantity) {
        FieldErrors errors = new FieldErrors();
        ShortCodeLookup.check(shortCode, errors);
        if (quantity != null) {
            OrderQuantity.parse(quantity, errors);
        }
        errors.throwIfAny();
        return lookup.find(shortCode, account);
    }
}
