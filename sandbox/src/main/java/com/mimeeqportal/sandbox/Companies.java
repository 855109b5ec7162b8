package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every account's CRM companies, each with the price lists it is priced from. Ids are name-based UUIDs of the
 * account and company name, so they are the same after every restart. Hotel Aurora has two usable lists (which one
 * is cheaper depends on the quantity), Büro Schmidt one usable list beside an expired and an inactive one.
 */
@ApplicationScoped
public class Companies {

    private final Map<String, List<Company>> byAccount;

    @Inject
    public Companies(SandboxAccounts accounts, PriceLists priceLists) {
        this(accounts.accounts(), priceLists);
    }

    Companies(List<SandboxAccount> accounts, PriceLists priceLists) {
        this.byAccount = accounts.stream().collect(Collectors.toUnmodifiableMap(SandboxAccount::id,
                account -> companies(account, priceLists)));
    }

    /** For CDI's proxy only. */
    protected Companies() {
        this.byAccount = null;
    }

    public Optional<Company> find(SandboxAccount account, String companyId) {
        return byAccount.get(account.id()).stream().filter(company -> company.id().equals(companyId)).findFirst();
    }

    public List<Company> all(SandboxAccount account) {
        return byAccount.get(account.id());
    }

    static String id(SandboxAccount account, String name) {
        return "COMP-" + UUID.nameUUIDFromBytes((account.id() + "/company/" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static List<Company> companies(SandboxAccount account, PriceLists priceLists) {
        return List.of(
                company(account, priceLists, "Hotel Aurora", "TRADE-EUR", "PROJECT-EUR"),
                company(account, priceLists, "Büro Schmidt GmbH", "RETAIL-EUR", "SPRING-PROMO", "LEGACY-2023"),
                company(account, priceLists, "Atlantic Interiors", "RETAIL-USD"),
                company(account, priceLists, "Meble Warszawa", "DEALER-PLN"));
    }

    private static Company company(SandboxAccount account, PriceLists priceLists, String name, String... lists) {
        List<PriceList> priceListsOfCompany = Arrays.stream(lists)
                .map(list -> priceLists.list(account, PriceLists.id(account, list)).orElseThrow())
                .toList();
        return new Company(id(account, name), name, priceListsOfCompany);
    }
}
