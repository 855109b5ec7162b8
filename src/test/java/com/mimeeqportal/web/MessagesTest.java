package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.input.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Every message key that templates and code use exists in messages.properties, and every message renders
 * with its apostrophes (MessageFormat drops a lone one: "this account's key" became "this accounts key").
 */
class MessagesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
    private static final Pattern CODE_KEY = Pattern.compile("\"((?:validation|error|login|mimeeq|catalog|apiKey|tenants)\\.[a-zA-Z0-9_.]+)\"");

    @Test
    void everyUsedKeyIsDefined() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path file : files(Path.of("webapp/WEB-INF/templates"), ".html")) {
            collect(TEMPLATE_KEY, Files.readString(file), missing);
        }
        for (Path file : files(Path.of("src/main/java"), ".java")) {
            collect(CODE_KEY, Files.readString(file), missing);
        }
        assertEquals(Set.of(), missing);
    }

    /**
     * Renders every message with arguments, as Java code does ({@link Messages#get}) and as a template does
     * (Thymeleaf's message resolver), and counts apostrophes: each written {@code ''} must come out as one.
     */
    @Test
    void noMessageLosesAnApostrophe() {
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        engine.setMessageResolver(new PortalMessageResolver()); // as Views sets it up
        Object[] arguments = {1, 2, 3, 4, 5}; // numbers suit {0}, {0,number,#} and {0,plural,…}
        Set<String> lost = new TreeSet<>();
        for (Locale locale : Messages.SUPPORTED) {
            for (String key : Messages.all(locale).stringPropertyNames()) {
                String pattern = Messages.all(locale).getProperty(key);
                if (pattern.contains(",plural,")) {
                    continue; // one branch of several is shown; pluralsTakeTheRightForm covers these
                }
                long meant = apostrophes(pattern.replace("''", "'"));
                String inJava = Messages.get(locale, key, arguments);
                String inTemplate = engine.process("[(#{" + key + "(1,2,3,4,5)})]", new Context(locale));
                String inTemplateWithoutArguments = engine.process("[(#{" + key + "})]", new Context(locale));
                if (apostrophes(inJava) != meant || apostrophes(inTemplate) != meant
                        || (!pattern.contains("{0") && apostrophes(inTemplateWithoutArguments) != meant)) {
                    lost.add(locale + " " + key + ": " + inJava);
                }
            }
        }
        assertEquals(Set.of(), lost, "write an apostrophe as '' in messages.properties");
    }

    /** Every language has every key, no key of its own, and the same arguments in each message. */
    @Test
    void everyLanguageHasEveryMessageWithTheSameArguments() {
        Properties english = Messages.all();
        for (Locale locale : Messages.SUPPORTED.subList(1, Messages.SUPPORTED.size())) {
            Properties translation = Messages.translationOnly(locale);
            Set<String> missing = new TreeSet<>(english.stringPropertyNames());
            missing.removeAll(translation.stringPropertyNames());
            assertEquals(Set.of(), missing, "missing from messages_" + locale + ".properties");
            Set<String> extra = new TreeSet<>(translation.stringPropertyNames());
            extra.removeAll(english.stringPropertyNames());
            assertEquals(Set.of(), extra, "only in messages_" + locale + ".properties");
            Set<String> differentArguments = new TreeSet<>();
            for (String key : english.stringPropertyNames()) {
                if (!arguments(english.getProperty(key)).equals(arguments(translation.getProperty(key)))) {
                    differentArguments.add(key + ": " + arguments(english.getProperty(key)) + " vs "
                            + arguments(translation.getProperty(key)));
                }
            }
            assertEquals(Set.of(), differentArguments, "arguments differ in messages_" + locale + ".properties");
        }
    }

    /** Counts take their language's plural forms: Polish has three (1, 2–4 and 22–24, 5–21). */
    @Test
    void pluralsTakeTheRightForm() {
        assertEquals("1 Mimeeq call and 1 failure", Messages.get(Locale.ENGLISH, "home.today.calls", 1, 1));
        assertEquals("2 Mimeeq calls and 0 failures", Messages.get(Locale.ENGLISH, "home.today.calls", 2, 0));
        assertEquals("2 Mimeeq calls and 1 failure in this view.",
                Messages.get(Locale.ENGLISH, "audit.chart.totals", 2, 1));
        Locale polish = Locale.forLanguageTag("pl");
        assertEquals("1 wywołanie Mimeeq i 1 błąd", Messages.get(polish, "home.today.calls", 1, 1));
        assertEquals("3 wywołania Mimeeq i 5 błędów", Messages.get(polish, "home.today.calls", 3, 5));
        assertEquals("22 wywołania Mimeeq i 12 błędów", Messages.get(polish, "home.today.calls", 22, 12));
        assertEquals("1 Mimeeq-Aufruf und 2 Fehler", Messages.get(Locale.GERMAN, "home.today.calls", 1, 2));
        assertEquals("1.234 Mimeeq-Aufrufe und 0 Fehler", Messages.get(Locale.GERMAN, "home.today.calls", 1234, 0));
        for (Locale locale : Messages.SUPPORTED) {
            for (String key : Messages.all(locale).stringPropertyNames()) {
                if (Messages.all(locale).getProperty(key).contains(",plural,")) {
                    for (int n : new int[] {0, 1, 2, 5, 22}) {
                        String text = Messages.get(locale, key, n, n, n);
                        assertFalse(text.contains("{"), locale + " " + key + ": " + text);
                    }
                }
            }
        }
    }

    /** The retention a tenant has now is a number in each language's words, with no English left in pl or de. */
    @Test
    void retentionIsWordedInEachLanguage() {
        String key = "validation.audit.retention.shorter";
        Locale polish = Locale.forLanguageTag("pl");
        assertEquals("Retention can only be lengthened. Entries are kept forever now.", Messages.get(Locale.ENGLISH, key, 0));
        assertEquals("Retention can only be lengthened. Entries are kept for 1 day now.", Messages.get(Locale.ENGLISH, key, 1));
        assertEquals("Retention can only be lengthened. Entries are kept for 400 days now.", Messages.get(Locale.ENGLISH, key, 400));
        assertTrue(Messages.get(polish, key, 0).endsWith("bezterminowo."), Messages.get(polish, key, 0));
        assertTrue(Messages.get(polish, key, 1).endsWith("przez 1 dzień."), Messages.get(polish, key, 1));
        assertTrue(Messages.get(polish, key, 22).endsWith("przez 22 dni."), Messages.get(polish, key, 22));
        assertTrue(Messages.get(polish, key, 400).endsWith("przez 400 dni."), Messages.get(polish, key, 400));
        assertTrue(Messages.get(Locale.GERMAN, key, 0).contains("Einträge unbegrenzt aufbewahrt"), Messages.get(Locale.GERMAN, key, 0));
        assertTrue(Messages.get(Locale.GERMAN, key, 1).contains("Einträge 1 Tag aufbewahrt"), Messages.get(Locale.GERMAN, key, 1));
        assertTrue(Messages.get(Locale.GERMAN, key, 400).contains("Einträge 400 Tage aufbewahrt"), Messages.get(Locale.GERMAN, key, 400));
        for (Locale locale : List.of(polish, Locale.GERMAN)) {
            for (int days : new int[] {0, 1, 2, 5, 365}) {
                String text = Messages.get(locale, key, days);
                assertFalse(text.contains("day") || text.contains("forever"), locale + ": " + text);
            }
        }
    }

    /** The argument numbers a pattern uses: {0}, {1,number,#} and {2,plural,…} all count. */
    private static Set<Integer> arguments(String pattern) {
        Set<Integer> numbers = new TreeSet<>();
        if (pattern == null) {
            return numbers;
        }
        Matcher m = Pattern.compile("\\{(\\d+)[,}]").matcher(pattern);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers;
    }

    private static long apostrophes(String text) {
        return text.chars().filter(c -> c == '\'').count();
    }

    private static void collect(Pattern pattern, String text, Set<String> missing) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String key = m.group(1);
            boolean prefixOfKeys = Messages.all().stringPropertyNames().stream().anyMatch(k -> k.startsWith(key + "."));
            if (!key.endsWith(".") && Messages.all().getProperty(key) == null && !prefixOfKeys) {
                missing.add(key);
            }
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
