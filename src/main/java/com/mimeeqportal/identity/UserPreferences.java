package com.mimeeqportal.identity;

import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.input.Messages;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The language and time zone a user chose for pages, kept on the account and copied into the session at
 * sign-in. Either may be unset (null): the language then follows the language cookie or the browser's
 * Accept-Language, the zone the zone cookie or UTC. Held as a language tag and a zone id, so that the session
 * carries two short strings. The constructor accepts only a supported language ({@link Messages#SUPPORTED})
 * and a zone of {@link #ZONES}, and refuses anything else with a field message, never echoing the value.
 */
public record UserPreferences(String language, String zone) implements Serializable {

    /** Nothing chosen: the browser and UTC decide. */
    public static final UserPreferences NONE = new UserPreferences(null, null);

    /** The zones one can choose: UTC first, then every region id of the JDK, sorted. */
    public static final List<String> ZONES = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")).sorted()).toList();

    public UserPreferences {
        if (language != null && supported(language).isEmpty()) {
            throw new InvalidInputException("lang", "validation.prefs.language");
        }
        if (zone != null && !ZONES.contains(zone)) {
            throw new InvalidInputException("zone", "validation.prefs.zone");
        }
    }

    /**
     * What the database or a cookie holds, read leniently: a value no longer valid (a zone the JDK dropped, a
     * language the portal stopped offering) counts as unset rather than failing the sign-in.
     */
    public static UserPreferences stored(String language, String zone) {
        return new UserPreferences(language != null && supported(language).isPresent() ? language : null,
                zone != null && ZONES.contains(zone) ? zone : null);
    }

    /**
     * A form's choice, checked now, as a change to whatever is chosen when it is applied: a field the form did
     * not send (null) keeps its value, an empty one is cleared (back to the browser's language, or UTC).
     */
    public static UnaryOperator<UserPreferences> fromForm(String language, String zone) {
        UserPreferences sent = new UserPreferences(emptyToNull(language), emptyToNull(zone));
        return current -> new UserPreferences(language == null ? current.language() : sent.language(),
                zone == null ? current.zone() : sent.zone());
    }

    public Optional<Locale> locale() {
        return language == null ? Optional.empty() : supported(language);
    }

    public Optional<ZoneId> zoneId() {
        return zone == null ? Optional.empty() : Optional.of(ZoneId.of(zone));
    }

    private static Optional<Locale> supported(String tag) {
        return Messages.SUPPORTED.stream().filter(l -> l.getLanguage().equals(tag)).findFirst();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
