package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import ognl.Ognl;
import ognl.OgnlRuntime;
import ognl.enhance.ExpressionCompiler;
import org.junit.jupiter.api.Test;

/**
 * Templates read record components, and a record's own derived values, through the accessor, and everything else
 * as OGNL always did; the collection interface OGNL asks about is the stock compiler's answer, remembered.
 */
class RecordPropertiesTest {

    public record Product(String productId, int quantity, List<String> tags) {
        public boolean tagged() {
            return !tags.isEmpty();
        }

        public String tag(int index) {
            return tags.get(index);
        }
    }

    @Test
    void componentsAndDerivedValuesAreReadThroughTheirAccessorsAndTheRestAsBefore() throws Exception {
        OgnlSetup.install();
        Product product = new Product("PROD-1", 3, List.of("oak"));

        assertInstanceOf(RecordProperties.class, OgnlRuntime.getPropertyAccessor(Product.class));
        Map<?, ?> context = Ognl.createDefaultContext(product);
        assertEquals("PROD-1", Ognl.getValue("productId", context, product));
        assertEquals(3, Ognl.getValue("quantity", context, product));
        assertEquals("oak", Ognl.getValue("tags[0]", context, product));
        assertEquals(true, Ognl.getValue("tagged", context, product), "a derived value, read as a property");
        assertEquals(true, Ognl.getValue("tagged()", context, product), "and still as a call");
        assertEquals("oak", Ognl.getValue("tag(0)", context, product), "a method with parameters is only a call");
        assertEquals(product.toString(), Ognl.getValue("toString()", context, product));
        assertEquals(9, Ognl.getValue("productId.length() + quantity", context, product));
    }

    @Test
    void theRememberedInterfaceIsTheStockCompilersAnswer() {
        ExpressionCompiler stock = new ExpressionCompiler();
        OgnlSetup.RememberedInterfaces remembered = new OgnlSetup.RememberedInterfaces();
        for (Class<?> type : List.of(ArrayList.class, HashMap.class, TreeSet.class, ArrayDeque.class, Product.class,
                String.class, List.of().iterator().getClass(), new ArrayList<>().iterator().getClass(), Map.class,
                int.class)) {
            for (int i = 0; i < 2; i++) {
                assertEquals(stock.getInterfaceClass(type), remembered.getInterfaceClass(type), type.getName());
            }
        }
        assertEquals(List.class, remembered.getInterfaceClass(ArrayList.class));
        assertEquals(Map.class, remembered.getInterfaceClass(HashMap.class));
    }
}
