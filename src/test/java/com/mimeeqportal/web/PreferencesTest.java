package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.UserPreferences;
import com.mimeeqportal.input.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The language from the user's choice, the cookie or Accept-Language; the zone from the choice, the cookie or
 * UTC; which languages and zones a user may choose; and times written in a zone and a language.
 */
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
    void theUsersChoiceComesBeforeTheCookieWhichComesBeforeTheBrowser() {
        UserPreferences german = new UserPreferences("de", "Europe/Berlin");
        assertEquals(Locale.GERMAN, Preferences.locale(Optional.of(german), Optional.of("pl"), "pl-PL"));
        assertEquals(POLISH, Preferences.locale(Optional.of(UserPreferences.NONE), Optional.of("pl"), "de-DE"),
                "nothing chosen on the account: the cookie");
        assertEquals(POLISH, Preferences.locale(Optional.empty(), Optional.of("pl"), "de-DE"), "signed out");
        assertEquals(Locale.GERMAN, Preferences.locale(Optional.empty(), Optional.of("fr"), "de-DE"),
                "a cookie of no supported language counts for nothing");
        assertEquals(Locale.ENGLISH, Preferences.locale(Optional.empty(), Optional.empty(), null));

        assertEquals(ZoneId.of("Europe/Berlin"), Preferences.zone(Optional.of(german), Optional.of("Asia/Tokyo")));
        assertEquals(ZoneId.of("Asia/Tokyo"), Preferences.zone(Optional.of(UserPreferences.NONE), Optional.of("Asia/Tokyo")));
        assertEquals(ZoneOffset.UTC, Preferences.zone(Optional.empty(), Optional.of("Mars/Olympus")));
        assertEquals(ZoneOffset.UTC, Preferences.zone(Optional.empty(), Optional.empty()));
    }

    @Test
    void aUserMayChooseOnlyOfferedLanguagesAndKnownZones() {
        assertEquals(new UserPreferences("pl", "Europe/Warsaw"),
                UserPreferences.fromForm("pl", "Europe/Warsaw").apply(UserPreferences.NONE));
        InvalidInputException language = assertThrows(InvalidInputException.class,
                () -> UserPreferences.fromForm("fr", null));
        assertEquals("lang", language.field());
        assertEquals("validation.prefs.language", language.messageKey());
        assertTrue(language.arguments().isEmpty(), "the refused value is never echoed");
        for (String zone : new String[] {"Mars/Olympus", "<script>", "+02:00", "Etc/GMT+5", "europe/warsaw"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> UserPreferences.fromForm(null, zone), zone);
            assertEquals("zone", refused.field());
            assertEquals("validation.prefs.zone", refused.messageKey());
        }
        assertThrows(InvalidInputException.class, () -> new UserPreferences("EN", null));
        assertEquals(Optional.of(ZoneId.of("America/New_York")),
                new UserPreferences(null, "America/New_York").zoneId());
    }

    @Test
    void aFormChangesWhatItSendsAndKeepsTheRest() {
        UserPreferences current = new UserPreferences("de", "Europe/Berlin");
        assertEquals(new UserPreferences("pl", "Europe/Berlin"), UserPreferences.fromForm("pl", null).apply(current),
                "the header's switch sends the language only");
        assertEquals(new UserPreferences("de", "UTC"), UserPreferences.fromForm(null, "UTC").apply(current));
        assertEquals(new UserPreferences(null, "Europe/Berlin"), UserPreferences.fromForm("", null).apply(current),
                "an empty field goes back to the browser's language");
        assertEquals(current, UserPreferences.fromForm(null, null).apply(current));
    }

    @Test
    void storedValuesNoLongerValidCountAsUnset() {
        assertEquals(UserPreferences.NONE, UserPreferences.stored("fr", "Mars/Olympus"));
        assertEquals(new UserPreferences("pl", null), UserPreferences.stored("pl", "<script>"));
        assertEquals(Optional.empty(), UserPreferences.NONE.locale());
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
