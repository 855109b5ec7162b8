package com.mimeeqportal.input;

import java.text.DateFormat;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One message of messages*.properties, parsed once: the part of ICU's MessageFormat syntax that the portal's
 * messages use, formatted with the JDK alone.
 *
 * <ul>
 *   <li>{@code {0}}: a number in the language's way ({@code 1,234}, {@code 1.234}, {@code 1 234}), a
 *       {@link Date} as the JDK's short date and time (no message is given one: pages pass dates already worded),
 *       any other value as its text;</li>
 *   <li>{@code {0,number,integer}} and {@code {0,number,#}} (a {@link DecimalFormat} pattern);</li>
 *   <li>{@code {0,plural,=0{…} one{…} few{…} many{…} other{…}}}, with {@code #} for the count, chosen by CLDR's
 *       rules for whole numbers in English, German and Polish ({@link #category});</li>
 *   <li>apostrophes as ICU reads them by default: {@code ''} is one apostrophe, and a single one quotes text only
 *       when it stands before <code>{</code>, <code>}</code> or (in a plural) {@code #}.</li>
 * </ul>
 *
 * <p>Why not ICU4J, which did this before: it is a 14 MB jar of 1,690 classes that Payara's deployment parses in
 * full at every start (about half a second of it on a 2-core machine, docs/performance.md), for the few rules
 * above. {@code MessagePatternTest} formats every message of every language with ICU (a test dependency only) and
 * with this class, and requires the same text. Any other syntax (select, choice, dates as arguments' types, named
 * arguments) is refused when the message is parsed, so a message that needs it fails in the tests, not on a page.
 */
final class MessagePattern {

    private sealed interface Part permits Text, Value, Plural, Count {
    }

    /** Literal text, quotes and doubled apostrophes already resolved. */
    private record Text(String text) implements Part {
    }

    /** {@code {n}}, {@code {n,number}}, {@code {n,number,integer}} or {@code {n,number,<pattern>}}. */
    private record Value(int index, String style) implements Part {
        static final String PLAIN = "";
        static final String NUMBER = "number";
        static final String INTEGER = "integer";
    }

    /** {@code {n,plural,…}}: branches by exact value ({@code =0}) and by CLDR category, {@code other} required. */
    private record Plural(int index, Map<Double, List<Part>> exact, Map<String, List<Part>> categories) implements Part {
    }

    /** {@code #} inside a plural branch: the count, as a number in the language's way. */
    private record Count() implements Part {
    }

    private final List<Part> parts;
    /** The text of a message without arguments, which most are: formatting it is returning it. */
    private final String constant;

    private MessagePattern(List<Part> parts) {
        this.parts = parts;
        this.constant = parts.stream().allMatch(Text.class::isInstance)
                ? String.join("", parts.stream().map(part -> ((Text) part).text()).toList()) : null;
    }

    /** Parses a pattern; {@link IllegalArgumentException} for syntax this class does not know. */
    static MessagePattern parse(String pattern) {
        Parser parser = new Parser(pattern);
        List<Part> parts = parser.message(false, false);
        if (parser.position < pattern.length()) {
            throw parser.error("an unmatched }");
        }
        return new MessagePattern(parts);
    }

    /**
     * The message with {@code arguments} in place. As ICU does, an argument with no value is written back as its
     * placeholder ({@code {1}}) and a null one as {@code null}, whatever its type; text where a number belongs is
     * refused.
     */
    String format(Locale locale, Object... arguments) {
        if (constant != null) {
            return constant;
        }
        StringBuilder out = new StringBuilder();
        append(out, parts, locale, arguments == null ? new Object[0] : arguments, null);
        return out.toString();
    }

    private static void append(StringBuilder out, List<Part> parts, Locale locale, Object[] arguments, Number count) {
        for (Part part : parts) {
            switch (part) {
                case Text text -> out.append(text.text());
                case Count ignored -> out.append(number(locale, count));
                case Value value when value.index() >= arguments.length -> out.append('{').append(value.index()).append('}');
                case Value value when arguments[value.index()] == null -> out.append("null");
                case Value value -> out.append(value(locale, value.style(), arguments[value.index()]));
                case Plural plural when plural.index() >= arguments.length ->
                        out.append('{').append(plural.index()).append('}');
                case Plural plural when arguments[plural.index()] == null -> out.append("null");
                case Plural plural -> {
                    Number n = asNumber(arguments[plural.index()]);
                    List<Part> branch = plural.exact().get(n.doubleValue());
                    if (branch == null) {
                        branch = plural.categories().getOrDefault(category(locale, n), plural.categories().get("other"));
                    }
                    append(out, branch, locale, arguments, n);
                }
            }
        }
    }

    private static String value(Locale locale, String style, Object argument) {
        if (style.equals(Value.PLAIN)) {
            return switch (argument) {
                case Number n -> number(locale, n);
                case Date d -> DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.SHORT, locale).format(d);
                default -> argument.toString();
            };
        }
        Number n = asNumber(argument);
        return switch (style) {
            case Value.NUMBER -> number(locale, n);
            case Value.INTEGER -> NumberFormat.getIntegerInstance(locale).format(n);
            default -> new DecimalFormat(style, DecimalFormatSymbols.getInstance(locale)).format(n);
        };
    }

    private static String number(Locale locale, Number n) {
        return NumberFormat.getInstance(locale).format(n);
    }

    private static Number asNumber(Object argument) {
        if (argument instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("'" + argument + "' is not a number");
    }

    /**
     * CLDR's plural category of a count in the message's language. A count with a fraction is {@code other} in all
     * three; for whole numbers English and German have {@code one} (1) and {@code other}, and Polish {@code one}
     * (1), {@code few} (ends in 2–4, but not 12–14) and {@code many} (the rest). A language added to
     * {@link Messages#SUPPORTED} needs its rule here first: until then its plurals fail, in MessagesTest.
     */
    static String category(Locale locale, Number count) {
        double value = Math.abs(count.doubleValue());
        String language = locale.getLanguage();
        if (!language.equals("en") && !language.equals("de") && !language.equals("pl")) {
            throw new IllegalArgumentException("no plural rule for the language " + language);
        }
        if (value != Math.rint(value) || Double.isInfinite(value)) {
            return "other";
        }
        long whole = (long) value;
        if (whole == 1) {
            return "one";
        }
        if (!language.equals("pl")) {
            return "other";
        }
        long lastDigit = whole % 10;
        long lastTwo = whole % 100;
        return lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14) ? "few" : "many";
    }

    /** Recursive descent over one pattern. */
    private static final class Parser {

        private final String pattern;
        private int position;

        Parser(String pattern) {
            this.pattern = pattern;
        }

        /** Text and arguments up to the end, or (nested) up to the brace that closes a plural branch. */
        List<Part> message(boolean nested, boolean inPlural) {
            List<Part> parts = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (position < pattern.length()) {
                char c = pattern.charAt(position);
                if (c == '\'') {
                    quote(text, inPlural);
                } else if (c == '{') {
                    flush(text, parts);
                    position++;
                    parts.add(argument());
                } else if (c == '}') {
                    if (!nested) {
                        break;
                    }
                    flush(text, parts);
                    return parts;
                } else if (c == '#' && inPlural) {
                    flush(text, parts);
                    parts.add(new Count());
                    position++;
                } else {
                    text.append(c);
                    position++;
                }
            }
            if (nested) {
                throw error("a plural branch without its closing }");
            }
            flush(text, parts);
            return parts;
        }

        /** ICU's default apostrophe mode: '' is one; ' before a syntax character quotes up to the next '. */
        private void quote(StringBuilder text, boolean inPlural) {
            char next = position + 1 < pattern.length() ? pattern.charAt(position + 1) : 0;
            if (next == '\'') {
                text.append('\'');
                position += 2;
            } else if (next == '{' || next == '}' || (next == '#' && inPlural)) {
                position++;
                while (position < pattern.length()) {
                    char c = pattern.charAt(position);
                    if (c == '\'' && position + 1 < pattern.length() && pattern.charAt(position + 1) == '\'') {
                        text.append('\'');
                        position += 2;
                    } else if (c == '\'') {
                        position++;
                        return;
                    } else {
                        text.append(c);
                        position++;
                    }
                }
            } else {
                text.append('\'');
                position++;
            }
        }

        /** After the opening brace: the argument's number, then nothing, {@code number…} or {@code plural…}. */
        private Part argument() {
            skipSpaces();
            int start = position;
            while (position < pattern.length() && Character.isDigit(pattern.charAt(position))) {
                position++;
            }
            if (start == position) {
                throw error("an argument that is not a number");
            }
            int index = Integer.parseInt(pattern.substring(start, position));
            skipSpaces();
            if (accept('}')) {
                return new Value(index, Value.PLAIN);
            }
            expect(',');
            String type = word();
            if (type.equals("number")) {
                if (accept('}')) {
                    return new Value(index, Value.NUMBER);
                }
                expect(',');
                int styleStart = position;
                while (position < pattern.length() && pattern.charAt(position) != '}') {
                    position++;
                }
                String style = pattern.substring(styleStart, position).strip();
                expect('}');
                if (style.equals("integer")) {
                    return new Value(index, Value.INTEGER);
                }
                if (style.isEmpty() || Character.isLetter(style.charAt(0))) {
                    throw error("the number style " + style);
                }
                new DecimalFormat(style); // refuses a broken pattern now, not on a page
                return new Value(index, style);
            }
            if (type.equals("plural")) {
                expect(',');
                return plural(index);
            }
            throw error("the argument type " + type);
        }

        private Plural plural(int index) {
            Map<Double, List<Part>> exact = new LinkedHashMap<>();
            Map<String, List<Part>> categories = new LinkedHashMap<>();
            while (true) {
                skipSpaces();
                if (accept('}')) {
                    break;
                }
                String selector = word();
                expect('{');
                List<Part> branch = message(true, true);
                expect('}');
                if (selector.startsWith("=")) {
                    exact.put(Double.parseDouble(selector.substring(1)), branch);
                } else if (List.of("zero", "one", "two", "few", "many", "other").contains(selector)) {
                    categories.put(selector, branch);
                } else {
                    throw error("the plural selector " + selector);
                }
            }
            if (!categories.containsKey("other")) {
                throw error("a plural without its other{…} branch");
            }
            return new Plural(index, Map.copyOf(exact), Map.copyOf(categories));
        }

        private String word() {
            skipSpaces();
            int start = position;
            while (position < pattern.length() && "{},".indexOf(pattern.charAt(position)) < 0
                    && !Character.isWhitespace(pattern.charAt(position))) {
                position++;
            }
            String word = pattern.substring(start, position);
            skipSpaces();
            if (word.isEmpty()) {
                throw error("a missing word");
            }
            return word;
        }

        private void skipSpaces() {
            while (position < pattern.length() && Character.isWhitespace(pattern.charAt(position))) {
                position++;
            }
        }

        private boolean accept(char c) {
            skipSpaces();
            if (position < pattern.length() && pattern.charAt(position) == c) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!accept(c)) {
                throw error("a missing " + c);
            }
        }

        private static void flush(StringBuilder text, List<Part> parts) {
            if (!text.isEmpty()) {
                parts.add(new Text(text.toString()));
                text.setLength(0);
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("Message pattern with " + what + " at character " + position + ": "
                    + pattern);
        }
    }
}
