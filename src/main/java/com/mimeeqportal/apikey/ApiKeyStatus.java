package com.mimeeqportal.apikey;

import com.mimeeqportal.web.Times;
import java.time.Instant;

/** What the admin page and the dashboard may show about the key: never the key itself. */
public record ApiKeyStatus(String fingerprint, String last4, String setBy, Instant setAt, Instant lastTestAt,
                           Boolean lastTestOk, String lastTestDetail, Instant invalidatedAt) {

    static ApiKeyStatus of(TenantApiKey key) {
        return new ApiKeyStatus(key.fingerprint(), key.last4(), key.setBy(), key.setAt(), key.lastTestAt(),
                key.lastTestOk(), key.lastTestDetail(), key.invalidatedAt());
    }

    public boolean invalid() {
        return invalidatedAt != null;
    }

    public boolean tested() {
        return lastTestAt != null;
    }

    public String setAtText() {
        return Times.format(setAt);
    }

    public String lastTestAtText() {
        return Times.format(lastTestAt);
    }

    public String invalidatedAtText() {
        return Times.format(invalidatedAt);
    }
}
