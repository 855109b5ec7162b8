package com.mimeeqportal.web;

import com.mimeeqportal.identity.UserPreferences;
import com.mimeeqportal.input.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A person's language and time zone for the page. The language: the signed-in user's own choice (kept on the
 * account, copied into the session at sign-in, so no page reads the database for it), else the language
 * cookie (the switch used while signed out, so it already applies to the sign-in page), else the best match
 * of the browser's Accept-Language, else English. The time zone: the user's choice, else the zone cookie,
 * else UTC (the audit log's stored form).
 */
public final class Preferences {

    static final String LANGUAGE_COOKIE = "portal_lang";
    static final String ZONE_COOKIE = "portal_tz";
    private static final Duration ONE_YEAR = Duration.ofDays(365);

    /** The zones one can choose. */
    public static final List<String> ZONES = UserPreferences.ZONES;

    private Preferences() {
    }

    public static Locale locale(HttpServletRequest request) {
        return locale(RequestAttributes.preferences(request), cookie(request, LANGUAGE_COOKIE),
                request.getHeader("Accept-Language"));
    }

    public static ZoneId zone(HttpServletRequest request) {
        return zone(RequestAttributes.preferences(request), cookie(request, ZONE_COOKIE));
    }

    /** User's choice, then cookie, then Accept-Language, then English. */
    static Locale locale(Optional<UserPreferences> chosen, Optional<String> cookie, String acceptLanguage) {
        return chosen.flatMap(UserPreferences::locale)
                .or(() -> cookie.flatMap(Preferences::language))
                .orElseGet(() -> fromBrowser(acceptLanguage));
    }

    /** User's choice, then cookie, then UTC. */
    static ZoneId zone(Optional<UserPreferences> chosen, Optional<String> cookie) {
        return chosen.flatMap(UserPreferences::zoneId)
                .or(() -> cookie.flatMap(Preferences::zone))
                .orElse(ZoneOffset.UTC);
    }

    /** The best supported language of an Accept-Language header (RFC 4647 lookup), English if none. */
    static Locale fromBrowser(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), Messages.SUPPORTED);
            return best == null ? Locale.ENGLISH : best;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    /** A supported language by its tag ("pl"), or empty. */
    static Optional<Locale> language(String tag) {
        return UserPreferences.stored(tag, null).locale();
    }

    /** A time zone of {@link #ZONES} by its id ("Europe/Warsaw", "UTC"), or empty. */
    static Optional<ZoneId> zone(String id) {
        return UserPreferences.stored(null, id).zoneId();
    }

    /** Keeps a signed-out visitor's choice in this browser for a year. */
    public static void rememberInCookies(HttpServletRequest request, HttpServletResponse response,
                                         UserPreferences chosen) {
        if (chosen.language() != null) {
            remember(request, response, LANGUAGE_COOKIE, chosen.language());
        }
        if (chosen.zone() != null) {
            remember(request, response, ZONE_COOKIE, chosen.zone());
        }
    }

    /** What this browser's cookies hold, as a choice. */
    public static UserPreferences fromCookies(HttpServletRequest request) {
        return UserPreferences.stored(cookie(request, LANGUAGE_COOKIE).orElse(null),
                cookie(request, ZONE_COOKIE).orElse(null));
    }

    private static void remember(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        Cookies.set(request, response, name, value, "Lax", ONE_YEAR);
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        return Cookies.first(request, name, value -> true);
    }
}
