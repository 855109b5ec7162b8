package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The price lists, groups, companies and templates every account gets, and the calculator over them. */
class PricingDataTest {

    private static final SandboxAccount DEMO = SandboxFixture.DEMO;
    private static final SandboxAccount NORDIC = SandboxFixture.NORDIC;

    @Test
    void everyAccountHasTheSameListsUnderItsOwnIds() {
        assertEquals(SandboxFixture.PRICE_LISTS.lists(DEMO).size(), SandboxFixture.PRICE_LISTS.lists(NORDIC).size());
        assertTrue(SandboxFixture.PRICE_LISTS.list(DEMO, "PL-DF-RETAIL-EUR").isPresent());
        assertTrue(SandboxFixture.PRICE_LISTS.list(NORDIC, "PL-NL-RETAIL-EUR").isPresent());
        assertEquals(Optional.empty(), SandboxFixture.PRICE_LISTS.list(DEMO, "PL-NL-RETAIL-EUR"));
    }

    @Test
    void oneListIsExpiredAndOneInactive() {
        LocalDate today = LocalDate.of(2026, 3, 2);
        List<String> unusable = SandboxFixture.PRICE_LISTS.lists(DEMO).stream()
                .filter(list -> !list.usableOn(today)).map(PriceList::id).toList();

        assertEquals(List.of("PL-DF-SPRING-PROMO", "PL-DF-LEGACY-2023"), unusable);
        assertTrue(SandboxFixture.PRICE_LISTS.list(DEMO, "PL-DF-SPRING-PROMO").orElseThrow()
                .usableOn(PriceLists.PROMO_LAST_DAY));
    }

    @Test
    void companiesHaveCompUuidIdsAndTheirLists() {
        for (Company company : SandboxFixture.COMPANIES.all(DEMO)) {
            assertTrue(company.id().matches("COMP-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"), company.id());
            assertFalse(company.priceLists().isEmpty());
        }
        assertEquals(2, SandboxFixture.COMPANIES.find(DEMO, Companies.id(DEMO, "Hotel Aurora")).orElseThrow()
                .priceLists().size());
        assertEquals(Optional.empty(), SandboxFixture.COMPANIES.find(NORDIC, Companies.id(DEMO, "Hotel Aurora")));
    }

    @Test
    void templatesAreNamedAndPointAtAGroup() {
        assertEquals(List.of("Basket", "Showroom", "Trade"),
                SandboxFixture.TEMPLATES.all(DEMO).stream().map(EmbedTemplate::id).toList());
        assertEquals("retail-eur", SandboxFixture.TEMPLATES.find(DEMO, "Basket").orElseThrow().priceListGroup().slug());
    }

    @Test
    void aGroupHoldsListsOfItsOwnCurrencyOnly() {
        PriceList gbp = SandboxFixture.PRICE_LISTS.list(DEMO, "PL-DF-RETAIL-GBP").orElseThrow();

        assertThrows(IllegalArgumentException.class,
                () -> new PriceListGroup("mixed", "Mixed", Market.EUR, VatType.VAT_INCL, List.of(gbp)));
    }

    @Test
    void levelsAreDerivedFromTheThresholdsWithAnOpenLastLevel() {
        PriceList list = list(QuantityBreaks.STANDARD);
        Configuration configuration = Configuration.defaultOf(SandboxFixture.CATALOG.all().getFirst());

        Quote quote = PriceCalculator.quote(configuration, list, VatType.VAT_EXCL, new OrderQuantity(15));

        assertEquals(List.of(1, 5, 15), quote.levels().stream().map(PriceLevel::quantityMin).toList());
        assertEquals(List.of(OptionalInt.of(4), OptionalInt.of(14), OptionalInt.empty()),
                quote.levels().stream().map(PriceLevel::quantityMax).toList());
        assertEquals(quote.levels().get(2), quote.activeLevel());
        BigDecimal unit = Money.whole(ProductPrices.listPriceEuro(configuration));
        assertEquals(Money.cents(unit.multiply(new BigDecimal("0.88"))), quote.unitPrice());
    }

    @Test
    void thePriceIsUnitPriceTimesQuantityPlusPricePartPlusOneTimePrice() {
        PriceList list = new PriceList("PL-T", "T", Market.EUR, BigDecimal.ONE, QuantityBreaks.STANDARD,
                new BigDecimal("20"), true, Optional.empty(), false);
        SandboxProduct withOneTimePrice = SandboxFixture.CATALOG.all().stream()
                .filter(product -> ProductPrices.oneTimePriceEuro(product).signum() > 0).findFirst().orElseThrow();

        Quote quote = PriceCalculator.quote(Configuration.defaultOf(withOneTimePrice), list, VatType.VAT_EXCL,
                new OrderQuantity(7));

        assertEquals(quote.unitPrice().multiply(BigDecimal.valueOf(7)).add(new BigDecimal("20"))
                .add(new BigDecimal("49")).compareTo(quote.total()), 0);
    }

    @Test
    void quantitiesOutsideOneToAMillionAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OrderQuantity(0));
        assertThrows(IllegalArgumentException.class, () -> new OrderQuantity(OrderQuantity.MAX + 1));
        assertEquals(OrderQuantity.MAX, new OrderQuantity(600_000).times(2).value());
    }

    @Test
    void amountsAreWrittenWithoutTrailingZerosOrExponents() {
        assertEquals("340", Money.json(new BigDecimal("340.00")).toString());
        assertEquals("270.4", Money.json(new BigDecimal("270.40")).toString());
        assertEquals("0", Money.json(BigDecimal.ZERO.setScale(2)).toString());
    }

    @Test
    void theGlobalBucketRefillsToItsBurstOnly() {
        TokenBucket bucket = new TokenBucket(10, 2, 0);
        assertTrue(bucket.tryTake(0));
        assertTrue(bucket.tryTake(0));
        assertFalse(bucket.tryTake(0));
        long tenSeconds = 10_000_000_000L;
        assertTrue(bucket.tryTake(tenSeconds));
        assertTrue(bucket.tryTake(tenSeconds));
        assertFalse(bucket.tryTake(tenSeconds));
    }

    private static PriceList list(QuantityBreaks breaks) {
        return new PriceList("PL-T", "T", Market.EUR, BigDecimal.ONE, breaks, BigDecimal.ZERO, true,
                Optional.empty(), false);
    }
}
