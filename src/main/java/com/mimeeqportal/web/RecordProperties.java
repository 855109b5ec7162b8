package com.mimeeqportal.web;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * Lets the templates read a record's components ({@code ${p.productId}}) the quick way. OGNL, which
 * Thymeleaf uses outside Spring, knows JavaBean getters only: for a record it searches every method of
 * the class by name on every read, and a catalog page of 25 products spent more than a third of its render
 * time there (about 2.3 MB of garbage a page, docs/performance.md). This accessor finds each record
 * type's component accessors once and calls them; anything else goes to OGNL's own accessor as before.
 *
 * <p>A record's own public methods without parameters that work something out from its components
 * ({@code ProductSummary.name()}, {@code active()}) read the same way, as properties ({@code ${p.name}}): in the
 * record's style, and without OGNL's method call, which looks the method up by name and checks a system property
 * on every call. Written as a call ({@code ${p.name()}}) they still work as before.
 */
final class RecordProperties extends ObjectPropertyAccessor {

    private static final ClassValue<Map<String, Method>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            if (type.isRecord()) {
                for (Method method : type.getDeclaredMethods()) {
                    if (isProperty(method)) {
                        // A record nested privately in a feature class still has its accessors called from here.
                        method.trySetAccessible();
                        accessors.put(method.getName(), method);
                    }
                }
            }
            return Map.copyOf(accessors);
        }
    };

    /** A component's accessor, or a public method of the record's own that takes nothing and answers something. */
    private static boolean isProperty(Method method) {
        int modifiers = method.getModifiers();
        return Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && method.getParameterCount() == 0
                && method.getReturnType() != void.class && !method.isSynthetic() && !method.isBridge()
                && !method.getName().equals("toString") && !method.getName().equals("hashCode");
    }

    /** The accessor that reads {@code property} of records of {@code type}, or null when it has none. */
    static Method accessor(Class<?> type, String property) {
        return PROPERTIES.get(type).get(property);
    }

    /** Registers the accessor for every record, in the OGNL runtime of this application's class loader. */
    static void register() {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordProperties());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        if (target != null && name instanceof String property) {
            Method accessor = accessor(target.getClass(), property);
            if (accessor != null) {
                try {
                    return accessor.invoke(target);
                } catch (ReflectiveOperationException e) {
                    throw new OgnlException(property, e);
                }
            }
        }
        return super.getProperty(context, target, name);
    }
}
