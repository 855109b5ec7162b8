package com.mimeeqportal.apikey;

import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.ClusterBus;
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
 * it, so it is remembered per tenant for a few seconds rather than read on every page, and forgotten on every
 * instance when the key is replaced or marked invalid ({@link ApiKeyChanged}, passed on as the
 * {@link ClusterBus} notice {@value #FORGET}). Should a notice be lost, {@link #REMEMBERED} bounds the delay.
 */
@ApplicationScoped
public class KeyHealthBanner implements LayoutContributor {

    static final Duration REMEMBERED = Duration.ofSeconds(5);
    static final String FORGET = "key-health-forget";

    private final ApiKeys apiKeys;
    private final Clock clock;
    private final Map<TenantId, Known> known = new ConcurrentHashMap<>();
    private final ClusterBus bus;

    @Inject
    public KeyHealthBanner(ApiKeys apiKeys, ClusterBus bus) {
        this(apiKeys, bus, Clock.systemUTC());
    }

    KeyHealthBanner(ApiKeys apiKeys, ClusterBus bus, Clock clock) {
        this.apiKeys = apiKeys;
        this.clock = clock;
        this.bus = bus;
        if (bus != null) {
            bus.subscribe(FORGET, tenant -> known.remove(new TenantId(tenant)));
        }
    }

    protected KeyHealthBanner() {
        this(null, null, Clock.systemUTC());
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
        bus.publish(FORGET, event.tenant().value());
    }

    private record Known(boolean invalid, Instant until) {
    }
}
