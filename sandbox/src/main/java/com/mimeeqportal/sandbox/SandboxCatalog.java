package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The products of all sandbox accounts, generated once and never changed, so it can be read from any thread.
 * Each account reaches the products it owns and those shared with it, as a Mimeeq API key does.
 */
@ApplicationScoped
public class SandboxCatalog {

    private final List<SandboxProduct> products;
    private final Map<String, SandboxProduct> productsById;

    @Inject
    public SandboxCatalog(SandboxAccounts accounts) {
        this(accounts.accounts());
    }

    public SandboxCatalog(List<SandboxAccount> accounts) {
        this.products = CatalogGenerator.generate(accounts);
        this.productsById = products.stream()
                .collect(Collectors.toUnmodifiableMap(SandboxProduct::productId, Function.identity()));
    }

    /** For CDI's proxy only. */
    protected SandboxCatalog() {
        this.products = null;
        this.productsById = null;
    }

    /** What {@code GET /get-products-general-info} lists for the account: its own and shared products. */
    public List<SandboxProduct> availableTo(SandboxAccount account) {
        return products.stream().filter(product -> product.isAvailableTo(account)).toList();
    }

    /** Every account's products, in the order they were generated (the same after every restart). */
    public List<SandboxProduct> all() {
        return products;
    }

    /** Any account's product, whoever asks; callers check {@link SandboxProduct#isAvailableTo} where it matters. */
    public Optional<SandboxProduct> product(String productId) {
        return Optional.ofNullable(productsById.get(productId));
    }
}
