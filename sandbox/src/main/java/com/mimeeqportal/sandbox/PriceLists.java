package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every account's price lists and public price list groups. Each account gets the same set under its own ids
 * ({@code PL-DF-RETAIL-EUR} for Demo Furniture), so tests can name them, and a list of one account is unknown to
 * another. The set covers what the pricing rules distinguish: several currencies and quantity breaks, groups with
 * and without VAT, a list that is expired and one that is inactive (both cheaper than the rest, so a calculation
 * that wrongly used them would show), and the deprecated language groups.
 */
@ApplicationScoped
public class PriceLists {

    static final LocalDate PROMO_LAST_DAY = LocalDate.of(2024, 5, 31);

    /** One account's lists and groups. */
    private record Book(Map<String, PriceList> lists, Map<String, PriceListGroup> groups,
                        Map<String, PriceListGroup> byLanguage) {
    }

    private final Map<String, Book> books;

    @Inject
    public PriceLists(SandboxAccounts accounts) {
        this(accounts.accounts());
    }

    PriceLists(List<SandboxAccount> accounts) {
        this.books = accounts.stream().collect(Collectors.toUnmodifiableMap(SandboxAccount::id, PriceLists::book));
    }

    /** For CDI's proxy only. */
    protected PriceLists() {
        this.books = null;
    }

    public Optional<PriceList> list(SandboxAccount account, String id) {
        return Optional.ofNullable(books.get(account.id()).lists().get(id));
    }

    public Optional<PriceListGroup> group(SandboxAccount account, String slug) {
        return Optional.ofNullable(books.get(account.id()).groups().get(slug));
    }

    /** The group the deprecated {@code lang} parameter selects. */
    public Optional<PriceListGroup> languageGroup(SandboxAccount account, String language) {
        return Optional.ofNullable(books.get(account.id()).byLanguage().get(language));
    }

    public List<PriceList> lists(SandboxAccount account) {
        return List.copyOf(books.get(account.id()).lists().values());
    }

    public List<PriceListGroup> groups(SandboxAccount account) {
        return List.copyOf(books.get(account.id()).groups().values());
    }

    /** The id a list has in {@code account}: {@code PL-}, the account's initials, the list's name. */
    static String id(SandboxAccount account, String name) {
        return "PL-" + account.initials() + "-" + name;
    }

    private static Book book(SandboxAccount account) {
        List<PriceList> lists = List.of(
                list(account, "RETAIL-EUR", "Retail EUR", Market.EUR, "1.00", QuantityBreaks.STANDARD, "0", true),
                list(account, "RETAIL-GBP", "Retail GBP", Market.GBP, "1.00", QuantityBreaks.STANDARD, "0", true),
                list(account, "RETAIL-USD", "Retail USD", Market.USD, "1.05", QuantityBreaks.STANDARD, "0", false),
                list(account, "TRADE-EUR", "Trade EUR", Market.EUR, "0.80", QuantityBreaks.TRADE, "0", false),
                list(account, "PROJECT-EUR", "Project EUR", Market.EUR, "0.70", QuantityBreaks.PROJECT, "250", false),
                list(account, "DEALER-PLN", "Dealer PLN", Market.PLN, "0.75", QuantityBreaks.TRADE, "0", false),
                new PriceList(id(account, "SPRING-PROMO"), "Spring promotion 2024", Market.EUR, new BigDecimal("0.50"),
                        QuantityBreaks.STANDARD, BigDecimal.ZERO, true, Optional.of(PROMO_LAST_DAY), false),
                new PriceList(id(account, "LEGACY-2023"), "Legacy 2023", Market.EUR, new BigDecimal("0.40"),
                        QuantityBreaks.STANDARD, BigDecimal.ZERO, false, Optional.empty(), false));
        Map<String, PriceList> byId = lists.stream()
                .collect(Collectors.toMap(PriceList::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Function<String, PriceList> named = name -> byId.get(id(account, name));
        List<PriceListGroup> groups = List.of(
                new PriceListGroup("retail-eur", "Retail Europe", Market.EUR, VatType.VAT_INCL,
                        List.of(named.apply("RETAIL-EUR"), named.apply("SPRING-PROMO"))),
                new PriceListGroup("retail-gbp", "Retail United Kingdom", Market.GBP, VatType.VAT_INCL,
                        List.of(named.apply("RETAIL-GBP"))),
                new PriceListGroup("retail-usd", "Retail United States", Market.USD, VatType.VAT_EXCL,
                        List.of(named.apply("RETAIL-USD"))),
                new PriceListGroup("trade-eur", "Trade Europe", Market.EUR, VatType.VAT_EXCL,
                        List.of(named.apply("TRADE-EUR"), named.apply("LEGACY-2023"))));
        Map<String, PriceListGroup> bySlug = groups.stream()
                .collect(Collectors.toMap(PriceListGroup::slug, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        return new Book(byId, bySlug, Map.of("en", bySlug.get("retail-gbp"), "de", bySlug.get("retail-eur")));
    }

    private static PriceList list(SandboxAccount account, String name, String title, Market market, String factor,
                                  QuantityBreaks breaks, String pricePart, boolean quantityAsText) {
        return new PriceList(id(account, name), title, market, new BigDecimal(factor), breaks,
                new BigDecimal(pricePart), true, Optional.empty(), quantityAsText);
    }
}
