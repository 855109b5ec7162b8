package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.sandbox.SandboxProduct.Mode;
import com.mimeeqportal.sandbox.SandboxProduct.Status;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SandboxCatalogTest {

    static final List<SandboxAccount> ACCOUNTS = SandboxAccounts.BUILT_IN;

    private final SandboxCatalog catalog = new SandboxCatalog(ACCOUNTS);

    @ParameterizedTest
    @FieldSource("ACCOUNTS")
    void everyAccountSeesAtLeast200Products(SandboxAccount account) {
        assertTrue(catalog.availableTo(account).size() >= 200, () -> account.id() + " sees too few products");
    }

    @ParameterizedTest
    @FieldSource("ACCOUNTS")
    void everyAccountSeesOwnedAndSharedProducts(SandboxAccount account) {
        List<SandboxProduct> products = catalog.availableTo(account);
        assertTrue(products.stream().anyMatch(product -> product.isOwnedBy(account)), "owned");
        assertTrue(products.stream().anyMatch(product -> !product.isOwnedBy(account)), "shared");
    }

    @ParameterizedTest
    @FieldSource("ACCOUNTS")
    void sharedProductsAreOwnedByAnotherAccountThatSharesThem(SandboxAccount account) {
        catalog.availableTo(account).stream().filter(product -> !product.isOwnedBy(account)).forEach(product -> {
            assertTrue(product.sharedWith().contains(account.id()), product.productId());
            assertTrue(ACCOUNTS.stream().anyMatch(product::isOwnedBy), product.productId());
        });
    }

    @ParameterizedTest
    @FieldSource("ACCOUNTS")
    void everyAccountSeesVariantModularAndInactiveProducts(SandboxAccount account) {
        List<SandboxProduct> products = catalog.availableTo(account);
        assertTrue(products.stream().anyMatch(product -> product.mode() == Mode.VARIANT), "VARIANT");
        assertTrue(products.stream().anyMatch(product -> product.mode() == Mode.MODULAR), "MODULAR");
        assertTrue(products.stream().anyMatch(product -> product.status() == Status.INACTIVE), "INACTIVE");
    }

    @Test
    void aFewProductsAreStandard() {
        assertTrue(allProducts().stream().anyMatch(product -> product.mode() == Mode.STANDARD));
    }

    @ParameterizedTest
    @FieldSource("ACCOUNTS")
    void manufacturersAndCollectionsAreVariedEnoughToFilterBy(SandboxAccount account) {
        List<SandboxProduct> products = catalog.availableTo(account);
        assertTrue(distinct(products, SandboxProduct::manufacturer) >= 4, "manufacturers");
        assertTrue(distinct(products, SandboxProduct::collection) >= 4, "collections");
    }

    @Test
    void theSameAccountsAlwaysGiveTheSameCatalog() {
        SandboxCatalog afterRestart = new SandboxCatalog(ACCOUNTS);
        for (SandboxAccount account : ACCOUNTS) {
            assertEquals(catalog.availableTo(account), afterRestart.availableTo(account), account.id());
        }
    }

    @Test
    void namesAreFurnitureInEnglishAndGerman() {
        assertTrue(allProducts().stream().map(SandboxProduct::name)
                .anyMatch(name -> name.en().endsWith(" Lounge Chair") && name.de().endsWith(" Loungesessel")));
        long translated = allProducts().stream().filter(product -> !product.name().en().equals(product.name().de()))
                .count();
        assertTrue(translated > allProducts().size() / 2, "most names differ between en and de");
    }

    @Test
    void identifiersAndCodesHaveMimeeqsFormats() {
        Pattern productId = Pattern.compile("PROD-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        Pattern shortCode = Pattern.compile("[A-Z0-9]{6}");
        Pattern configurationCode = Pattern.compile("[A-Za-z]+-[a-z][0-9]+(&[A-Za-z]+-[a-z][0-9]+)*");
        for (SandboxProduct product : allProducts()) {
            assertTrue(productId.matcher(product.productId()).matches(), product.productId());
            assertTrue(shortCode.matcher(product.embedShortCode()).matches(), product.embedShortCode());
            assertTrue(configurationCode.matcher(product.defaultConfigurationCode()).matches(),
                    product.defaultConfigurationCode());
        }
    }

    @Test
    void identifiersVariantCodesAndEmbedCodesAreUnique() {
        List<SandboxProduct> products = allProducts();
        assertEquals(products.size(), distinct(products, SandboxProduct::productId));
        assertEquals(products.size(), distinct(products, SandboxProduct::variantCode));
        assertEquals(products.size(), distinct(products, SandboxProduct::embedShortCode));
    }

    @Test
    void defaultConfigurationCodeNamesEachBlocksDefaultOption() {
        for (SandboxProduct product : allProducts()) {
            List<String> expected = product.blocks().stream()
                    .map(block -> block.code() + "-" + block.defaultOption().code())
                    .toList();
            assertEquals(expected, Arrays.asList(product.defaultConfigurationCode().split("&")));
        }
    }

    @Test
    void findsAnyProductById() {
        SandboxProduct shared = catalog.availableTo(ACCOUNTS.get(1)).stream()
                .filter(product -> !product.isOwnedBy(ACCOUNTS.get(1)))
                .findFirst().orElseThrow();
        assertEquals(shared, catalog.product(shared.productId()).orElseThrow());
        assertFalse(catalog.product("PROD-00000000-0000-0000-0000-000000000000").isPresent());
    }

    private List<SandboxProduct> allProducts() {
        return ACCOUNTS.stream().map(catalog::availableTo).flatMap(Collection::stream).distinct().toList();
    }

    private static long distinct(List<SandboxProduct> products, Function<SandboxProduct, String> field) {
        return products.stream().map(field).collect(Collectors.toSet()).size();
    }
}
