package com.mimeeqportal.web;

import com.mimeeqportal.input.Messages;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A person's language and time zone. The language is the one chosen with the switch, kept in a cookie,
 * else the best match of the browser's Accept-Language, else English. The time zone is the one chosen on
 * the account page, else UTC (the audit log's stored form). Cookies, not the session, so the choice is kept
 * across sign-ins and already applies to the sign-in page.
 */
public final class Preferences {

    static final String LANGUAGE_COOKIE = "portal_lang";
    static final String ZONE_COOKIE = "portal_tz";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    /** The zones one can choose: UTC first, then every region id of the JDK, sorted. */
    public static final List<String> ZONES = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")).sorted()).toList();

    private Preferences() {
    }

    public static Locale locale(HttpServletRequest request) {
        return cookie(request, LANGUAGE_COOKIE).flatMap(Preferences::language)
                .orElseGet(() -> fromBrowser(request.getHeader("Accept-Language")));
    }

    public static ZoneId zone(HttpServletRequest request) {
        return cookie(request, ZONE_COOKIE).flatMap(Preferences::zone).orElse(ZoneOffset.UTC);
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
        return Messages.SUPPORTED.stream().filter(l -> l.getLanguage().equals(tag)).findFirst();
    }

    /** A time zone by its id ("Europe/Warsaw", "UTC"), or empty. */
    static Optional<ZoneId> zone(String id) {
        if (id == null || !ZONES.contains(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static void remember(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> name.equals(c.getName())).map(Cookie::getValue).findFirst();
    }
}
