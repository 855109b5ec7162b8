package com.mimeeqportal.mimeeq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented shape of /get-products-general-info and the variants docs/mimeeq-api.md says to tolerate. */
class ProductListTranslationTest {

    /** The example of the 2022 OpenAPI file, field for field. */
    private static final String DOCUMENTED = """
            [{"productId":"PROD-e6e35a89-159c-413e-98b6-8260367c554a","variantCode":"CODE-1",
              "name":{"en":"English text","de":"Deutscher Text"},"displayName":{"en":"English display"},
              "status":"ACTIVE","visibility":true,"privacy":"PUBLIC","type":"3D","mode":"VARIANT",
              "defaultConfigurationCode":"Fabric-a7&Colour-a1","manufacturer":"AB furniture","designer":"John Doe",
              "collection":"Office","previewImage":"https://fsdfsfe3231.cloudfront.net/c_aer/x.png","isOwn":true,
              "createdAt":"2022-04-19T00:41:33.721Z","modifiedAt":"2022-04-22T21:18:25.321Z","embedShortCode":"77NOCJ"}]
            """;

    @Test
    void readsTheDocumentedShape() {
        ProductSummary product = List.copyOf(ProductListTranslation.translate(DOCUMENTED).orElseThrow()).get(0);
        assertEquals("PROD-e6e35a89-159c-413e-98b6-8260367c554a", product.productId());
        assertEquals("CODE-1", product.variantCode());
        assertEquals("English text", product.name());
        assertEquals("Deutscher Text", product.names().get("de"));
        assertEquals("VARIANT", product.mode());
        assertEquals("3D", product.type());
        assertTrue(product.own());
        assertTrue(product.active());
        assertEquals("Office", product.collection());
        assertEquals("AB furniture", product.manufacturer());
        assertEquals("Fabric-a7&Colour-a1", product.defaultConfigurationCode());
        assertEquals(Instant.parse("2022-04-22T21:18:25.321Z"), product.modifiedAt());
    }

    @Test
    void toleratesStringsForFlagsPlainNamesUnknownFieldsAndMissingOptionals() {
        String body = """
                [{"productId":"PROD-1","name":"Plain name","isOwn":"false","status":"INACTIVE","mode":"MODULAR",
                  "somethingNew":{"nested":[1,2]},"createdAt":"not a date"},
                 {"productId":"PROD-2","displayName":{"de":"Nur Deutsch"},"isOwn":"true"}]
                """;
        List<ProductSummary> products = ProductListTranslation.translate(body).orElseThrow();
        assertEquals("Plain name", products.get(0).name());
        assertFalse(products.get(0).own());
        assertFalse(products.get(0).active());
        assertNull(products.get(0).modifiedAt());
        assertNull(products.get(0).previewImage());
        assertEquals("Nur Deutsch", products.get(1).name());
        assertTrue(products.get(1).own());
    }

    @Test
    void skipsElementsThatCannotBeShownButKeepsTheRest() {
        String body = "[{\"variantCode\":\"NO-ID\"}, 42, null, {\"productId\":\"PROD-3\"}]";
        List<ProductSummary> products = ProductListTranslation.translate(body).orElseThrow();
        assertEquals(1, products.size());
        assertEquals("PROD-3", products.get(0).name(), "with no name and no code the id is shown");
    }

    @Test
    void somethingOtherThanAnArrayIsMalformed() {
        assertTrue(ProductListTranslation.translate("{\"products\":[]}").isEmpty());
        assertTrue(ProductListTranslation.translate("<html>gateway error</html>").isEmpty());
        assertTrue(ProductListTranslation.translate("[{\"productId\":").isEmpty());
        assertTrue(ProductListTranslation.translate("").isEmpty());
        assertEquals(List.of(), ProductListTranslation.translate("[]").orElseThrow());
    }
}
