package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.OGNLVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Plain paths through records are read without OGNL, and every page renders exactly as it does with OGNL alone:
 * the same text, the same errors.
 */
class RecordPathsTest {

    public record Product(String name, Price price, List<String> tags, Map<String, String> labels) {
        public boolean tagged() {
            return !tags.isEmpty();
        }
    }

    public record Price(String currency, int cents) {
        public String shown() {
            return currency + " " + cents / 100 + "." + String.format("%02d", cents % 100);
        }
    }

    /** A class that is not a record, reached through a path: OGNL reads it. */
    public static final class Bean {
        public String getTitle() {
            return "bean title";
        }
    }

    private static final String TEMPLATE = """
            <p th:text="${product.name}">n</p>
            <p th:text="${product.price.shown}">derived, two records deep</p>
            <p th:text="${product.price().shown()}">the same, as calls</p>
            <p th:text="${product.price.toString()}">a call that is not an accessor: OGNL's</p>
            <p th:if="${product.labels != null}">compared with null</p>
            <p th:if="${product.price.shown == null}">compared with null, false</p>
            <p th:text="${product.tags.isEmpty()}">a list's method: OGNL's</p>
            <p th:text="${product.price.cents}">a number</p>
            <p th:if="${product.tagged}">derived boolean</p>
            <p th:text="${product.tags}">a list</p>
            <p th:text="${product.tags.size}">a list's property: OGNL's</p>
            <p th:text="${product.labels.colour}">a map's entry: OGNL's</p>
            <p th:text="${bean.title}">a bean: OGNL's</p>
            <p th:text="${missing}">a variable that is not there</p>
            <p th:text="${product.price.cents + 1}">an operator: OGNL's</p>
            <p th:text="${product != null}">a comparison: OGNL's</p>
            <p th:text="${#strings.toUpperCase(product.name)}">an expression object: OGNL's</p>
            <p th:text="${{product.price.cents}}">a conversion: OGNL's</p>
            <div th:object="${product.price}"><p th:text="*{currency}">a selection: OGNL's</p>
              <p th:text="${product.name}">a variable inside a selection</p></div>
            <p th:each="t : ${product.tags}" th:text="${t}">an iteration variable</p>
            <p th:text="${true}">a literal</p>
            """;

    @Test
    void pagesRenderAsWithOgnlAlone() {
        Context context = context();
        String withPaths = engine(OgnlSetup.dialect()).process(TEMPLATE, context);
        OgnlSetup.install();
        String ognlAlone = engine(new StandardDialect()).process(TEMPLATE, context);
        assertEquals(ognlAlone, withPaths);
        assertTrue(withPaths.contains("EUR 12.50") && withPaths.contains("oak") && withPaths.contains("bean title")
                && withPaths.contains("green") && withPaths.contains("CHAIR"), withPaths);
    }

    @Test
    void aNullOnTheWayFailsAsOgnlFails() {
        Context context = context();
        context.setVariable("product", new Product("Chair", null, List.of(), Map.of()));
        String template = "<p th:text=\"${product.price.currency}\">x</p>";
        TemplateProcessingException withPaths = assertThrows(TemplateProcessingException.class,
                () -> engine(OgnlSetup.dialect()).process(template, context));
        TemplateProcessingException ognlAlone = assertThrows(TemplateProcessingException.class,
                () -> engine(new StandardDialect()).process(template, context));
        assertEquals(ognlAlone.getMessage(), withPaths.getMessage());
    }

    @Test
    void recordPathsAreReadWithoutOgnl() {
        List<String> askedOgnl = new ArrayList<>();
        IStandardVariableExpressionEvaluator ognl = new OGNLVariableExpressionEvaluator(true);
        RecordPaths paths = new RecordPaths(new IStandardVariableExpressionEvaluator() {
            @Override
            public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                                   StandardExpressionExecutionContext execution) {
                askedOgnl.add(expression.getExpression());
                return ognl.evaluate(context, expression, execution);
            }
        });
        StandardDialect dialect = new StandardDialect();
        dialect.setVariableExpressionEvaluator(paths);
        OgnlSetup.install();
        engine(dialect).process("""
                <p th:text="${product.name}">x</p><p th:text="${product.price.shown}">x</p>
                <p th:text="${product.price().cents()}">x</p><p th:if="${product.tags != null}">x</p>
                <p th:text="${product.labels.colour}">x</p><p th:text="${product.price.cents + 1}">x</p>
                """, context());
        assertEquals(List.of("product.labels.colour", "product.price.cents + 1"), askedOgnl);
    }

    @Test
    void onlyDottedNamesAreRead() {
        assertEquals(new RecordPaths.Path(List.of("info", "product", "name"), RecordPaths.Comparison.NONE),
                RecordPaths.Path.parse("info.product.name"));
        assertEquals(new RecordPaths.Path(List.of("me"), RecordPaths.Comparison.NONE), RecordPaths.Path.parse("me"));
        assertEquals(new RecordPaths.Path(List.of("t", "id", "value"), RecordPaths.Comparison.NONE),
                RecordPaths.Path.parse("t.id().value"));
        assertEquals(new RecordPaths.Path(List.of("info", "sku"), RecordPaths.Comparison.NOT_NULL),
                RecordPaths.Path.parse("info.sku != null"));
        assertEquals(new RecordPaths.Path(List.of("me"), RecordPaths.Comparison.IS_NULL),
                RecordPaths.Path.parse("me==null"));
        for (String notAPath : List.of("", "a.", ".a", "a..b", "a()", "a.b(1)", "a[0]", "a != b", "a != nullable",
                "a == null or b", "!a", "#locale.language", "true", "a.null", "1a", "a b", "a.b() + 1")) {
            assertSame(RecordPaths.Path.NONE, RecordPaths.Path.parse(notAPath), notAPath);
        }
    }

    private static Context context() {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("product", new Product("Chair", new Price("EUR", 1250), List.of("oak", "ash"),
                Map.of("colour", "green")));
        context.setVariable("bean", new Bean());
        return context;
    }

    private static TemplateEngine engine(StandardDialect dialect) {
        TemplateEngine engine = new TemplateEngine();
        engine.setDialect(dialect);
        engine.setTemplateResolver(new StringTemplateResolver());
        return engine;
    }
}
