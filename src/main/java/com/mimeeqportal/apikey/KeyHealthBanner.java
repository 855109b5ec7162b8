package com.mimeeqportal.apikey;

import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.web.LayoutContributor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Puts {@code keyInvalid} into every page of a tenant whose key Mimeeq stopped accepting. */
@ApplicationScoped
public class KeyHealthBanner implements LayoutContributor {

    private final ApiKeys apiKeys;

    @Inject
    public KeyHealthBanner(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    protected KeyHealthBanner() {
        this.apiKeys = null;
    }

    @Override
    public void contribute(SignedInUser user, Map<String, Object> layout) {
        if (!user.operator()) {
            layout.put("keyInvalid", apiKeys.status(user.tenantId()).map(ApiKeyStatus::invalid).orElse(false));
        }
    }
}
