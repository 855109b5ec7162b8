package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.mimeeqportal.apikey.Reencryption;
import com.mimeeqportal.audit.ChainBreak;
import com.mimeeqportal.input.Messages;
import com.mimeeqportal.mimeeq.MimeeqFailure;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every enum value a page shows is worded in every language. Templates show an enum through a message whose
 * key is a prefix and the constant: {@code #{${'enum.Role.' + u.role}}}, or the {@code labels} argument of
 * the form select fragment. For an {@code enum.<Enum>.} prefix the enum is found by its name among the
 * portal's classes ({@code Tenant.Status} for a nested one); the older prefixes are listed here. A constant
 * without its message in messages.properties, messages_pl or messages_de fails this test, naming the key.
 */
class EnumMessagesTest {

    /** A message key prefix in a template, up to the value: {@code 'enum.Role.'}. */
    private static final Pattern PREFIX = Pattern.compile("'((?:[a-zA-Z]+\\.)+)'");
    /** Prefixes that predate the {@code enum.} convention, and the enum each shows. */
    private static final Map<String, Class<? extends Enum<?>>> OLDER = Map.of(
            "audit.verify.kind.", ChainBreak.Kind.class,
            "keyset.state.", Reencryption.State.class,
            "mimeeq.failure.", MimeeqFailure.Kind.class);

    @Test
    void everyEnumConstantShownOnAPageHasAMessageInEveryLanguage() throws IOException {
        Map<String, Class<?>> shown = shownEnums();
        assertFalse(shown.isEmpty());
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<String, Class<?>> prefix : shown.entrySet()) {
            for (Object constant : prefix.getValue().getEnumConstants()) {
                String key = prefix.getKey() + ((Enum<?>) constant).name();
                if (Messages.all().getProperty(key) == null) {
                    missing.add("en " + key);
                }
                for (Locale locale : Messages.SUPPORTED.subList(1, Messages.SUPPORTED.size())) {
                    if (Messages.translationOnly(locale).getProperty(key) == null) {
                        missing.add(locale + " " + key);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "add these to messages.properties, messages_pl and messages_de");
    }

    @Test
    void theEnumsOfThePagesAreFound() throws IOException {
        Map<String, Class<?>> shown = shownEnums();
        for (String prefix : List.of("enum.Role.", "enum.AuditEventType.", "enum.AuditOutcome.", "enum.Tenant.Status.",
                "keyset.state.", "audit.verify.kind.", "mimeeq.failure.")) {
            assertFalse(shown.get(prefix) == null, prefix + " in " + shown.keySet());
        }
    }

    /** Each enum prefix the templates use, with its enum; an {@code enum.} prefix naming no enum fails. */
    private static Map<String, Class<?>> shownEnums() throws IOException {
        Map<String, Class<?>> enums = portalEnums();
        Map<String, Class<?>> shown = new TreeMap<>();
        for (Path template : templates()) {
            Matcher m = PREFIX.matcher(Files.readString(template));
            while (m.find()) {
                String prefix = m.group(1);
                if (prefix.startsWith("enum.")) {
                    String name = prefix.substring("enum.".length(), prefix.length() - 1);
                    Class<?> type = enums.get(name);
                    if (type == null) {
                        throw new AssertionError(template + ": " + prefix + " names no enum of the portal; known: "
                                + enums.keySet());
                    }
                    shown.put(prefix, type);
                } else if (OLDER.containsKey(prefix)) {
                    shown.put(prefix, OLDER.get(prefix));
                }
            }
        }
        return shown;
    }

    /** The portal's enums by their name in Java source: {@code Role}, {@code Tenant.Status}. */
    private static Map<String, Class<?>> portalEnums() {
        Map<String, Class<?>> enums = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.mimeeqportal")) {
            if (type.isEnum()) {
                String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
                enums.put(name, type.reflect());
            }
        }
        return enums;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> paths = Files.walk(Path.of("webapp/WEB-INF/templates"))) {
            return paths.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
