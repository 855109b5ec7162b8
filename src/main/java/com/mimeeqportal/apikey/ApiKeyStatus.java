package com.mimeeqportal.apikey;

import com.mimeeqportal.web.Times;
import java.time.Instant;

/** What the admin page may show about the key: never the key itself. */
public record ApiKeyStatus(String fingerprint, String last4, String setBy, Instant setAt) {

    public String setAtText() {
        return Times.format(setAt);
    }
}
