package com.mimeeqportal.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cookie jar that sends cookies back as browsers do: {@code name=value}. {@link CookieManager} takes any
 * {@code Set-Cookie} whose text contains "version=" for an RFC 2965 cookie, and Payara's session version cookie is
 * named {@code JSESSIONIDVERSION}; it then sends {@code JSESSIONIDVERSION="2f:3";$Path="/"}, whose quote Payara
 * cannot parse ("Odd number of hexadecimal digits"), and the request fails where Payara needs the version: when a
 * session moves to another instance of a cluster.
 */
final class BrowserCookies extends CookieManager {

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        Map<String, List<String>> headers = super.get(uri, requestHeaders);
        List<String> cookies = headers.get("Cookie");
        if (cookies == null) {
            return headers;
        }
        List<String> plain = new ArrayList<>();
        for (String cookie : cookies) {
            String pair = cookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String value = pair.substring(equals + 1);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            plain.add(pair.substring(0, equals + 1) + value);
        }
        return Map.of("Cookie", plain);
    }
}
