package com.mimeeqportal.mimeeq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shapes of /get-product-info (docs/mimeeq-api.md, "Product info"): standard, modular, and the optional extras. */
class ProductInfoTranslationTest {

    @Test
    void readsAStandardProductWithItsConfiguration() {
        ProductInfo info = ProductInfoTranslation.translate("""
                {"name":"Oslo Chair","code":"OSLO-1","description":"A chair","defaultImage":"https://x/i.png",
                 "SKU":"OSL-BLU-1","status":"ACTIVE","mode":"VARIANT","deliveryInfo":"2 weeks",
                 "configuration":[{"blockId":"Fabric","blockName":"Fabric","options":["Blue wool"],
                                   "optionsData":[{"optionName":"Blue wool","image":"https://x/o.png"}]},
                                  {"blockId":"Legs","options":["Oak"],"optionsData":[{"optionName":"Oak"}]}],
                 "bom":[{"unknown":"field"}]}
                """).orElseThrow();
        assertEquals("Oslo Chair", info.name());
        assertEquals("OSL-BLU-1", info.sku());
        assertEquals("https://x/i.png", info.image());
        assertEquals(2, info.configuration().size());
        assertEquals("Legs", info.configuration().get(1).blockName(), "blockId stands in for a missing name");
        assertEquals("Blue wool", info.configuration().get(0).options().get(0));
        assertFalse(info.modular());
    }

    @Test
    void readsAModularSceneWithComponentsAndTheirShortCodes() {
        ProductInfo info = ProductInfoTranslation.translate("""
                {"name":"Sofa scene","code":"SCN","mode":"MODULAR","status":"ACTIVE","image":"https://x/s.png",
                 "components":[{"productId":"PROD-1","name":"Corner","code":"C","SKU":"C-1","quantity":"2",
                                "shortCode":"ABC123","configuration":[{"blockId":"Fabric","options":["Red"]}]},
                               {"productId":"PROD-2","name":"Seat","quantity":1,"shortCode":"XYZ789"}]}
                """).orElseThrow();
        assertTrue(info.modular());
        assertEquals("https://x/s.png", info.image(), "image is preferred when both are sent");
        assertEquals(2, info.components().size());
        assertEquals(2, info.components().get(0).quantity());
        assertEquals("ABC123", info.components().get(0).shortCode());
        assertEquals("Red", info.components().get(0).configuration().get(0).options().get(0));
    }

    @Test
    void anythingButAnObjectIsMalformed() {
        assertTrue(ProductInfoTranslation.translate("[]").isEmpty());
        assertTrue(ProductInfoTranslation.translate("not json").isEmpty());
    }
}
