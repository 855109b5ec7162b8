package com.mimeeqportal.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;

/**
 * Variable expressions that are a plain path through the portal's view records read directly: the variable, then
 * each record's accessor in turn, written as a property or as a call without arguments ({@code ${info.name}},
 * {@code ${me.admin()}}, {@code ${t.id().value}}), and such a path compared with null ({@code ${info.sku != null}}).
 * Every other expression goes to OGNL as before, and so does a path that meets anything but a record on its way
 * (a map, a list, a bean, a null), so its answer, or its error, is OGNL's.
 *
 * <p>Thymeleaf has a shortcut of this kind for beans and maps, but it gives up on any class with a property
 * accessor it does not know, and the portal registers one for every record ({@link RecordProperties}), which is
 * what its pages are made of. So every expression of every page went through OGNL's whole evaluation, a quarter
 * of the lookup page's render in a profile (docs/performance.md).
 *
 * <p>Where Thymeleaf restricts what an expression may reach (request parameters in fragment names and unescaped
 * text, for instance), asks for a conversion ({@code ${{…}}}) or evaluates against a selection ({@code *{…}}),
 * OGNL decides, as before.
 */
final class RecordPaths implements IStandardVariableExpressionEvaluator {

    /** Expressions are template text, so there are few; a bound all the same, for templates that build them. */
    private static final int REMEMBERED = 4096;
    private static final Object UNREADABLE = new Object();

    private final IStandardVariableExpressionEvaluator ognl;
    private final Map<String, Path> paths = new ConcurrentHashMap<>();

    RecordPaths(IStandardVariableExpressionEvaluator ognl) {
        this.ognl = ognl;
    }

    @Override
    public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                           StandardExpressionExecutionContext execution) {
        // OGNL's root is the template context; without one (or with a selection target) OGNL decides.
        if (context instanceof ITemplateContext template && !selects(template, expression)
                && !execution.getRestrictVariableAccess() && !execution.getRestrictInstantiationAndStatic()
                && !execution.getPerformTypeConversion()) {
            Path path = path(expression.getExpression());
            if (path != Path.NONE) {
                Object value = path.read(context);
                if (value != UNREADABLE) {
                    return value;
                }
            }
        }
        return ognl.evaluate(context, expression, execution);
    }

    /** Whether OGNL would evaluate {@code expression} against a selection target rather than the variables. */
    private static boolean selects(ITemplateContext template, IStandardVariableExpression expression) {
        return expression.getUseSelectionAsRoot() && template.hasSelectionTarget();
    }

    private Path path(String expression) {
        if (expression == null) {
            return Path.NONE;
        }
        Path path = paths.get(expression);
        if (path == null) {
            path = Path.parse(expression);
            if (paths.size() < REMEMBERED) {
                paths.put(expression, path);
            }
        }
        return path;
    }

    /** What is done with the value at the end of the path. */
    enum Comparison { NONE, IS_NULL, NOT_NULL }

    /** A variable, the names read from it in turn, and what is done with the value found. */
    record Path(List<String> names, Comparison comparison) {

        /** Not a path: OGNL evaluates it. */
        static final Path NONE = new Path(List.of(), Comparison.NONE);

        private static final Pattern NULL_CHECK = Pattern.compile("(.*?)\\s*(==|!=)\\s*null");

        /**
         * Names separated by dots, each as Thymeleaf's own shortcut reads them or followed by {@code ()}; the whole
         * optionally compared with {@code null}. Literals, operators and anything else are not paths.
         */
        static Path parse(String expression) {
            Comparison comparison = Comparison.NONE;
            String path = expression.strip();
            Matcher nullCheck = NULL_CHECK.matcher(path);
            if (nullCheck.matches()) {
                comparison = nullCheck.group(2).equals("==") ? Comparison.IS_NULL : Comparison.NOT_NULL;
                path = nullCheck.group(1);
            }
            List<String> names = new ArrayList<>();
            for (String step : path.split("\\.", -1)) {
                String name = step.endsWith("()") && names.size() > 0 ? step.substring(0, step.length() - 2) : step;
                if (!isName(name)) {
                    return NONE;
                }
                names.add(name);
            }
            return new Path(List.copyOf(names), comparison);
        }

        private static boolean isName(String name) {
            if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))
                    || !name.codePoints().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            return !lower.equals("true") && !lower.equals("false") && !lower.equals("null");
        }

        /** The value, compared as asked; {@link #UNREADABLE} where something other than a record is met. */
        Object read(IExpressionContext context) {
            Object value = context.getVariable(names.get(0));
            for (int i = 1; i < names.size(); i++) {
                if (!(value instanceof Record record)) {
                    return UNREADABLE;
                }
                Method accessor = RecordProperties.accessor(record.getClass(), names.get(i));
                if (accessor == null) {
                    return UNREADABLE;
                }
                try {
                    value = accessor.invoke(record);
                } catch (ReflectiveOperationException e) {
                    return UNREADABLE; // OGNL calls it again and reports the failure its way
                }
            }
            return switch (comparison) {
                case NONE -> value;
                case IS_NULL -> value == null;
                case NOT_NULL -> value != null;
            };
        }
    }
}
