package com.mimeeqportal.web;

import ognl.OgnlRuntime;
import ognl.enhance.ExpressionCompiler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.OGNLVariableExpressionEvaluator;

/**
 * What the portal changes in OGNL, the expression language Thymeleaf uses outside Spring. OGNL's runtime is
 * static, one per class loader, so this is done once per application, by {@link Views} (and by the template
 * tests' engine), through {@link #dialect()}. Both changes take out work that every expression of every page did
 * again and again, found in profiles of the catalog page (docs/performance.md):
 * <ul>
 *   <li>record properties are read through their accessors ({@link RecordProperties});</li>
 *   <li>which collection interface a class implements is remembered ({@link RememberedInterfaces}).</li>
 * </ul>
 */
final class OgnlSetup {

    private OgnlSetup() {
    }

    static void install() {
        RecordProperties.register();
        OgnlRuntime.setCompiler(new RememberedInterfaces());
    }

    /**
     * The Standard dialect as the portal's engines use it: OGNL set up as above, with plain paths through records
     * read before it is asked ({@link RecordPaths}).
     */
    static StandardDialect dialect() {
        install();
        StandardDialect dialect = new StandardDialect();
        dialect.setVariableExpressionEvaluator(new RecordPaths(new OGNLVariableExpressionEvaluator(true)));
        return dialect;
    }

    /**
     * For each step of a dotted expression ({@code p.productId}), OGNL asks whether the property is indexed, and to
     * know that it asks its expression compiler which collection interface (List, Map, Set, …) the object's class
     * implements. The stock compiler works that out every time, walking the class's interfaces and copying each
     * array: about 5 % of a catalog page's CPU. The answer depends on the class alone, so it is remembered.
     * Everything else the compiler does is left as it was.
     */
    static final class RememberedInterfaces extends ExpressionCompiler {

        private final ClassValue<Class<?>> interfaces = new ClassValue<>() {
            @Override
            protected Class<?> computeValue(Class<?> type) {
                return RememberedInterfaces.super.getInterfaceClass(type);
            }
        };

        @Override
        @SuppressWarnings("rawtypes")
        public Class getInterfaceClass(Class clazz) {
            return interfaces.get(clazz);
        }
    }
}
