package com.mimeeqportal.tenant;

import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.input.Text;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a tenant's Mimeeq calls go: {@code https://mimeeqapi.com} in real life, or any other http(s)
 * address that answers the same API, such as the Mimeeq sandbox of demo mode.
 */
public record MimeeqBaseUrl(String value) {

    public static final MimeeqBaseUrl PRODUCTION = new MimeeqBaseUrl("https://mimeeqapi.com");

    public MimeeqBaseUrl {
        value = checkedHttpUrl(Text.singleLine(value, "baseUrl", 1, 500)).replaceAll("/+$", "");
    }

    public boolean https() {
        return value.regionMatches(true, 0, "https://", 0, 8);
    }

    private static String checkedHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (http && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null
                    && uri.getUserInfo() == null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // answered below, without echoing the value
        }
        throw new InvalidInputException("baseUrl", "validation.baseUrl.invalid");
    }
}
