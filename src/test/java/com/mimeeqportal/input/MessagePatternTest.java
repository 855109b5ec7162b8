package com.mimeeqportal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagePatternTest {

    private static final Locale POLISH = Locale.forLanguageTag("pl");

    /**
     * The reference: every message of every language, formatted by ICU4J's MessageFormat (which the portal used
     * before) and by MessagePattern, with counts across every Polish plural form, large numbers, and text that
     * looks like syntax. The same text, character for character, or the message is named.
     */
    @Test
    void everyMessageReadsAsIcuWouldWriteIt() {
        List<Object[]> argumentSets = new ArrayList<>();
        for (long n : new long[] {0, 1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 25, 101, 112, 122, 1234, 12_345, 1_000_000}) {
            argumentSets.add(new Object[] {n, n + 1, n * 2, n});
        }
        argumentSets.add(new Object[] {7, "it's {1} #", 1, 2});
        argumentSets.add(new Object[] {2.5, 1, 0, -3});
        argumentSets.add(new Object[] {});
        argumentSets.add(new Object[] {null, null, null, null});
        List<String> different = new ArrayList<>();
        int compared = 0;
        for (Locale locale : Messages.SUPPORTED) {
            for (String key : Messages.all(locale).stringPropertyNames()) {
                String pattern = Messages.all(locale).getProperty(key);
                MessagePattern ours = MessagePattern.parse(pattern);
                com.ibm.icu.text.MessageFormat icu = new com.ibm.icu.text.MessageFormat(pattern, locale);
                for (Object[] arguments : argumentSets) {
                    String expected;
                    try {
                        expected = icu.format(arguments);
                    } catch (IllegalArgumentException e) {
                        // ICU refuses text for a number or a plural; so must we.
                        assertThrows(IllegalArgumentException.class, () -> ours.format(locale, arguments), key);
                        continue;
                    }
                    String actual = ours.format(locale, arguments);
                    compared++;
                    if (!expected.equals(actual)) {
                        different.add(locale + " " + key + " " + List.of(arguments) + ":\n  ICU  " + expected
                                + "\n  ours " + actual);
                    }
                }
            }
        }
        assertEquals(List.of(), different);
        assertTrue(compared > 3 * 400 * 15, "compared " + compared);
    }

    /** CLDR's rules for whole numbers: Polish one (1), few (2–4, 22–24, 102–104, not 12–14), many (the rest). */
    @Test
    void pluralCategoriesFollowCldr() {
        for (long n : new long[] {2, 3, 4, 22, 23, 24, 32, 102, 104, 1002}) {
            assertEquals("few", MessagePattern.category(POLISH, n), String.valueOf(n));
        }
        for (long n : new long[] {0, 5, 9, 10, 11, 12, 13, 14, 15, 20, 21, 25, 100, 101, 111, 112, 114, 1000}) {
            assertEquals("many", MessagePattern.category(POLISH, n), String.valueOf(n));
        }
        assertEquals("one", MessagePattern.category(POLISH, 1));
        assertEquals("one", MessagePattern.category(POLISH, -1));
        assertEquals("other", MessagePattern.category(POLISH, 1.5));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            assertEquals("one", MessagePattern.category(locale, 1L));
            assertEquals("one", MessagePattern.category(locale, 1.0));
            for (Number n : new Number[] {0, 2, 5, 21, 1.5}) {
                assertEquals("other", MessagePattern.category(locale, n), locale + " " + n);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> MessagePattern.category(Locale.FRENCH, 1));
    }

    @Test
    void pluralsPickAnExactValueFirstThenTheCategoryAndWriteTheCount() {
        MessagePattern days = MessagePattern.parse("{0,plural,=0{none} one{# day} other{# days}}");
        assertEquals("none", days.format(Locale.ENGLISH, 0));
        assertEquals("1 day", days.format(Locale.ENGLISH, 1));
        assertEquals("1,234 days", days.format(Locale.ENGLISH, 1234));
        assertEquals("1.5 days", days.format(Locale.ENGLISH, 1.5));
        MessagePattern polish = MessagePattern.parse(
                "{0,plural,one{# dzień} few{# dni} many{# dni} other{# dnia}}, {1,plural,one{# Tag} other{# Tage}}");
        assertEquals("22 dni, 1 Tag", polish.format(POLISH, 22, 1));
        // many falls back to other where a message has no many branch; numbers grouped with a no-break space
        assertEquals("1,5 dnia, 1\u00a0234 Tage", polish.format(POLISH, 1.5, 1234));
        assertEquals("1.234 Tage", MessagePattern.parse("{0,plural,one{# Tag} other{# Tage}}").format(Locale.GERMAN, 1234));
    }

    @Test
    void apostrophesAreWrittenDoubledOrQuoteSyntax() {
        assertEquals("it's {0} and #1", MessagePattern.parse("it''s '{0}' and #{0}").format(Locale.ENGLISH, 1));
        assertEquals("one # of 2", MessagePattern.parse("{0,plural,other{one '#' of #}}").format(Locale.ENGLISH, 2));
        assertEquals("don't", MessagePattern.parse("don't").format(Locale.ENGLISH));
    }

    @Test
    void aMissingArgumentIsWrittenBackAndNullIsWrittenOut() {
        assertEquals("a {1} b null", MessagePattern.parse("a {1} b {0}").format(Locale.ENGLISH, (Object) null));
        assertEquals("null, null", MessagePattern.parse("{0,number,#}, {1,plural,other{#}}").format(Locale.ENGLISH, null, null));
    }

    @Test
    void syntaxOutsideTheSupportedPartIsRefusedWhenParsed() {
        for (String pattern : List.of("{0,select,a{x} other{y}}", "{0,date,short}", "{name}", "{0,number,percent}",
                "{0,plural,one{x}}", "{0,plural,one{x} other{y}", "a } b", "{0,plural,offset:1 other{#}}")) {
            assertThrows(IllegalArgumentException.class, () -> MessagePattern.parse(pattern), pattern);
        }
    }
}
