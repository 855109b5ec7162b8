package com.mimeeqportal.system;

import java.util.Locale;

/** How the portal runs: {@code demo} brings its own database, keyset and demo tenant; {@code production} brings nothing. */
public enum PortalMode {
    DEMO, PRODUCTION;

    public static PortalMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("portal.mode must be 'demo' or 'production', not '" + value + "'");
        }
    }
}
