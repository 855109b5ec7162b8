package com.mimeeqportal.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The UI text of messages.properties, for templates (through Thymeleaf) and for Java code alike. Every
 * message is a {@link MessageFormat} pattern, so an apostrophe is written {@code ''}: Thymeleaf formats
 * any message that contains one, and {@link #get} formats every message the same way, so a text reads
 * the same wherever it is shown (MessagesTest checks that no apostrophe is lost).
 */
public final class Messages {

    private static final Properties TEXT = load();

    private Messages() {
    }

    public static Properties all() {
        return TEXT;
    }

    public static String get(String key, Object... arguments) {
        String pattern = TEXT.getProperty(key);
        if (pattern == null) {
            return key;
        }
        return new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/messages.properties")) {
            if (in == null) {
                throw new IllegalStateException("messages.properties is missing from the classpath");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
