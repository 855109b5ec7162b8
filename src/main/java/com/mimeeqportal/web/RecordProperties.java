package com.mimeeqportal.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
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
 * type's component accessors once and calls them; anything that is not a component (a method written as a
 * property, say) goes to OGNL's own accessor as before.
 */
final class RecordProperties extends ObjectPropertyAccessor {

    private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            RecordComponent[] components = type.getRecordComponents();
            if (components != null) {
                for (RecordComponent component : components) {
                    Method accessor = component.getAccessor();
                    // A record nested privately in a feature class still has its accessors called from here.
                    accessor.trySetAccessible();
                    accessors.put(component.getName(), accessor);
                }
            }
            return Map.copyOf(accessors);
        }
    };

    /** Registers the accessor for every record, in the OGNL runtime of this application's class loader. */
    static void install() {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordProperties());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        if (target != null && name instanceof String property) {
            Method accessor = COMPONENTS.get(target.getClass()).get(property);
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
