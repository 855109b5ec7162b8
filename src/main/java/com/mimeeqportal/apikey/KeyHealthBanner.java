package com.mimeeqportal.apikey;

import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.web.LayoutContributor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts {@code keyInvalid} into every page of a tenant whose key Mimeeq stopped accepting. Every page shows
 * it, so it is remembered per tenant for a few seconds rather than read on every page: this instance
 * forgets it at once when the key is replaced or marked invalid ({@link ApiKeyChanged}); another instance
 * of a cluster notices within {@link #REMEMBERED}.
 */
@ApplicationScoped
public class KeyHealthBanner implements LayoutContributor {

    static final Duration REMEMBERED = Duration.ofSeconds(5);

    private final ApiKeys apiKeys;
    private final Clock clock;
    private final Map<TenantId, Known> known = new ConcurrentHashMap<>();

    @Inject
    public KeyHealthBanner(ApiKeys apiKeys) {
        this(apiKeys, Clock.systemUTC());
    }

    KeyHealthBanner(ApiKeys apiKeys, Clock clock) {
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    protected KeyHealthBanner() {
        this(null, Clock.systemUTC());
    }

    @Override
    public void contribute(SignedInUser user, Map<String, Object> layout) {
        if (!user.operator()) {
            layout.put("keyInvalid", invalid(user.tenantId()));
        }
    }

    boolean invalid(TenantId tenant) {
        Instant now = clock.instant();
        Known remembered = known.get(tenant);
        if (remembered != null && now.isBefore(remembered.until())) {
            return remembered.invalid();
        }
        boolean invalid = apiKeys.status(tenant).map(ApiKeyStatus::invalid).orElse(false);
        known.put(tenant, new Known(invalid, now.plus(REMEMBERED)));
        return invalid;
    }

    void keyChanged(@Observes ApiKeyChanged event) {
        known.remove(event.tenant());
    }

    private record Known(boolean invalid, Instant until) {
    }
}
