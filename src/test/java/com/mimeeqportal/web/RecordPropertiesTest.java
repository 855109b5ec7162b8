package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import ognl.Ognl;
import ognl.OgnlRuntime;
import org.junit.jupiter.api.Test;

/** Templates read record components through the accessor, and everything else as OGNL always did. */
class RecordPropertiesTest {

    public record Product(String productId, int quantity, List<String> tags) {
        public boolean tagged() {
            return !tags.isEmpty();
        }
    }

    @Test
    void componentsAreReadThroughTheirAccessorsAndTheRestAsBefore() throws Exception {
        RecordProperties.install();
        Product product = new Product("PROD-1", 3, List.of("oak"));

        assertInstanceOf(RecordProperties.class, OgnlRuntime.getPropertyAccessor(Product.class));
        Map<?, ?> context = Ognl.createDefaultContext(product);
        assertEquals("PROD-1", Ognl.getValue("productId", context, product));
        assertEquals(3, Ognl.getValue("quantity", context, product));
        assertEquals("oak", Ognl.getValue("tags[0]", context, product));
        assertEquals(true, Ognl.getValue("tagged()", context, product));
        assertEquals(9, Ognl.getValue("productId.length() + quantity", context, product));
    }
}
