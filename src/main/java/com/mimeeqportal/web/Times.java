package com.mimeeqportal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How the portal writes a moment for people: to the second, in the person's time zone (UTC unless they
 * chose another) and their language's way, with the zone named. English keeps the ISO-like form
 * "2026-12-01 11:03:54 UTC". The request filter sets the zone and language for the request ({@link #use}),
 * so entities and records that print their times need not know the request.
 */
public final class Times {

    private static final ThreadLocal<Setting> CURRENT = new ThreadLocal<>();
    private static final Setting DEFAULT = new Setting(ZoneOffset.UTC, Locale.ENGLISH);

    private record Setting(ZoneId zone, Locale locale) {
    }

    private Times() {
    }

    public static String format(Instant instant) {
        Setting setting = CURRENT.get() == null ? DEFAULT : CURRENT.get();
        return format(instant, setting.zone(), setting.locale());
    }

    public static String format(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        DateTimeFormatter format = locale.getLanguage().equals("en")
                ? DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale);
        String zoneName = zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        return format.withZone(zone).format(instant) + " " + zoneName;
    }

    /** Sets the current request's zone and language; nulls clear them at the end of the request. */
    public static void use(ZoneId zone, Locale locale) {
        if (zone == null || locale == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(new Setting(zone, locale));
        }
    }
}
