package com.mimeeqportal.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The UI text of messages.properties and its translations (messages_pl, messages_de), for templates
 * (through the portal's Thymeleaf message resolver) and for Java code alike. Every message is a pattern in ICU's
 * MessageFormat syntax ({@link MessagePattern} says which part of it), so counts can take plural forms
 * ({@code {0,plural,one{# call} other{# calls}}}) and an apostrophe is written {@code ''}. Every message is
 * formatted the same way wherever it is shown (MessagesTest checks that no apostrophe is lost and that every
 * language has every key).
 *
 * <p>Java code that words a message on a request thread ({@link FormErrors}, error pages) gets the
 * request's language from {@link #use(Locale)}, which the request filter sets for the request and clears
 * after it: passing the locale through every service and value object would change every signature for
 * text that is only ever shown on that one request.
 */
public final class Messages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("pl"), Locale.GERMAN);

    private static final Map<String, Locale> BY_LANGUAGE = SUPPORTED.stream()
            .collect(Collectors.toUnmodifiableMap(Locale::getLanguage, locale -> locale));
    private static final Properties ENGLISH = load("/messages.properties", true);
    private static final Map<String, Properties> BUNDLES = SUPPORTED.stream().collect(Collectors.toUnmodifiableMap(
            Locale::getLanguage, locale -> locale.equals(Locale.ENGLISH) ? ENGLISH : withFallback(locale)));
    private static final ThreadLocal<Locale> CURRENT = new ThreadLocal<>();
    /**
     * Each message parsed once per language, when first shown: a page shows dozens, and parsing the pattern again
     * for each was a visible part of rendering one.
     */
    private static final Map<String, Map<String, MessagePattern>> PARSED = new ConcurrentHashMap<>();

    private Messages() {
    }

    /** The English text, the default and the fallback for any key a translation lacks. */
    public static Properties all() {
        return ENGLISH;
    }

    /** The text in one of the {@link #SUPPORTED} languages (English for any other). */
    public static Properties all(Locale locale) {
        return BUNDLES.getOrDefault(supported(locale).getLanguage(), ENGLISH);
    }

    /** Only the keys a translation file itself defines, for the completeness test. */
    public static Properties translationOnly(Locale locale) {
        return load("/messages_" + locale.getLanguage() + ".properties", false);
    }

    /** The supported language closest to {@code locale}: its language if supported, else English. */
    public static Locale supported(Locale locale) {
        // Asked for every message of every page: a map, not a search of the list.
        return locale == null ? Locale.ENGLISH : BY_LANGUAGE.getOrDefault(locale.getLanguage(), Locale.ENGLISH);
    }

    /** The language of the current request (English outside one). */
    public static Locale locale() {
        Locale locale = CURRENT.get();
        return locale == null ? Locale.ENGLISH : locale;
    }

    /** Sets the current request's language; null clears it at the end of the request. */
    public static void use(Locale locale) {
        if (locale == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(supported(locale));
        }
    }

    /** The message in the current request's language. */
    public static String get(String key, Object... arguments) {
        return get(locale(), key, arguments);
    }

    /** The message in {@code locale}, or the key itself when no language has it. */
    public static String get(Locale locale, String key, Object... arguments) {
        Locale language = supported(locale);
        String pattern = all(language).getProperty(key);
        if (pattern == null) {
            return key;
        }
        return PARSED.computeIfAbsent(language.getLanguage(), l -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> MessagePattern.parse(pattern))
                .format(language, arguments);
    }

    private static Properties withFallback(Locale locale) {
        Properties merged = new Properties();
        merged.putAll(ENGLISH);
        merged.putAll(translationOnly(locale));
        return merged;
    }

    private static Properties load(String resource, boolean required) {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException(resource + " is missing from the classpath");
                }
                return properties;
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
