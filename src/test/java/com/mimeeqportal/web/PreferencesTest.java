package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The language from Accept-Language, the zones one may choose, and times written in a zone and a language. */
class PreferencesTest {

    private static final Locale POLISH = Locale.forLanguageTag("pl");

    @Test
    void theBrowsersBestSupportedLanguageWins() {
        assertEquals(POLISH, Preferences.fromBrowser("pl-PL,pl;q=0.9,en;q=0.5"));
        assertEquals(Locale.GERMAN, Preferences.fromBrowser("fr-FR,de-AT;q=0.8,en;q=0.5"));
        assertEquals(Locale.ENGLISH, Preferences.fromBrowser("fr-FR"));
        assertEquals(Locale.ENGLISH, Preferences.fromBrowser(null));
        assertEquals(Locale.ENGLISH, Preferences.fromBrowser("not a header;;;q=x"));
    }

    @Test
    void onlyKnownLanguagesAndZonesAreAccepted() {
        assertEquals(Optional.of(Locale.GERMAN), Preferences.language("de"));
        assertEquals(Optional.empty(), Preferences.language("fr"));
        assertEquals(Optional.of(ZoneId.of("Europe/Warsaw")), Preferences.zone("Europe/Warsaw"));
        assertEquals(Optional.of(ZoneId.of("UTC")), Preferences.zone("UTC"));
        assertEquals(Optional.empty(), Preferences.zone("Mars/Olympus"));
        assertEquals(Optional.empty(), Preferences.zone("<script>"));
        assertEquals("UTC", Preferences.ZONES.getFirst());
    }

    @Test
    void timesAreWrittenInTheChosenZoneAndLanguage() {
        Instant moment = Instant.parse("2026-12-01T11:03:54Z");
        assertEquals("2026-12-01 11:03:54 UTC", Times.format(moment, ZoneOffset.UTC, Locale.ENGLISH));
        assertEquals("2026-12-01 12:03:54 Europe/Warsaw", Times.format(moment, ZoneId.of("Europe/Warsaw"), Locale.ENGLISH));
        assertTrue(Times.format(moment, ZoneId.of("Europe/Berlin"), Locale.GERMAN).startsWith("01.12.2026, 12:03:54"),
                Times.format(moment, ZoneId.of("Europe/Berlin"), Locale.GERMAN));
        assertTrue(Times.format(moment, ZoneId.of("Europe/Warsaw"), POLISH).endsWith("12:03:54 Europe/Warsaw"),
                Times.format(moment, ZoneId.of("Europe/Warsaw"), POLISH));
        Times.use(ZoneId.of("Europe/Warsaw"), Locale.ENGLISH);
        try {
            assertEquals("2026-12-01 12:03:54 Europe/Warsaw", Times.format(moment));
        } finally {
            Times.use(null, null);
        }
        assertEquals("2026-12-01 11:03:54 UTC", Times.format(moment), "outside a request: UTC, English");
    }
}
