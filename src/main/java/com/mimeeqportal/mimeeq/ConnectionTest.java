package com.mimeeqportal.mimeeq;

import com.mimeeqportal.apikey.ApiKeys;
import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * "Test connection" on the API key page: one cheap call (the product list, uncached) with the tenant's
 * key. The outcome is stored on the key, where the key page and the dashboard show it, and audited as
 * {@code API_KEY_TEST} or {@code API_KEY_TEST_ERROR}. It lives beside the gateway because it needs it,
 * and the key package must not depend on the package that depends on it.
 */
@ApplicationScoped
public class ConnectionTest {

    private final MimeeqGateway gateway;
    private final ApiKeys apiKeys;
    private final AuditLog audit;

    @Inject
    public ConnectionTest(MimeeqGateway gateway, ApiKeys apiKeys, AuditLog audit) {
        this.gateway = gateway;
        this.apiKeys = apiKeys;
        this.audit = audit;
    }

    protected ConnectionTest() {
        this(null, null, null);
    }

    public void run(Actor actor) {
        MimeeqResult<List<ProductSummary>> result = gateway.products(actor);
        AuditEntry.Builder entry = AuditEntry.of(AuditEventType.API_KEY_TEST).by(actor).target("api-key");
        switch (result) {
            case MimeeqResult.Ok<List<ProductSummary>> ok -> {
                String detail = ok.value().size() + " products";
                apiKeys.tested(actor.tenant(), true, detail);
                audit.record(actor.tenant(), entry.detail(detail).success());
            }
            case MimeeqResult.Failed<List<ProductSummary>> failed -> {
                apiKeys.tested(actor.tenant(), false, failed.failure().kind().name());
                audit.record(actor.tenant(), entry.error(failed.failure().kind().reason()));
            }
        }
    }
}
