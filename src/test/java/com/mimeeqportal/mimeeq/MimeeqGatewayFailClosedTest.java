package com.mimeeqportal.mimeeq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.mimeeqportal.apikey.ApiKey;
import com.mimeeqportal.apikey.ApiKeys;
import com.mimeeqportal.apikey.KeyForCall;
import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.audit.AuditSpool;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.TenantName;
import com.mimeeqportal.tenant.Tenants;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * The gateway's fail-closed order, without a server: rehearse the audit entry, call Mimeeq, record the
 * entry. Hand-written doubles write what happens to them into one list, so the order is the assertion.
 */
class MimeeqGatewayFailClosedTest {

    private static final String PRODUCTS = "[{\"productId\":\"PROD-1\",\"name\":{\"en\":\"Chair\"},\"status\":\"ACTIVE\"}]";

    private final List<String> events = new ArrayList<>();
    private final TenantId tenant = TenantId.random();
    private final Actor actor = new Actor(new SignedInUser("user-1", new Username("sales@example.com"), tenant,
            "Example", Role.SALES), "127.0.0.1", "correlation-1");
    private final Audit audit = new Audit();
    private final Http http = new Http();
    private final Spool spool = new Spool();
    private final MimeeqGateway gateway = new MimeeqGateway(http, new Keys(), new OneTenant(), audit,
            spool, new TenantThrottle(new TenantThrottle.Limits(4, Duration.ofSeconds(2), 32, 10, 5, 60, Duration.ofSeconds(10), 2),
            Clock.systemUTC()), Duration.ofSeconds(1), Duration.ZERO);

    @Test
    void rehearsesThenCallsThenRecords() {
        var result = gateway.products(actor);

        assertInstanceOf(MimeeqResult.Ok.class, result);
        assertEquals(List.of("rehearse MIMEEQ_CALL", "call get-products-general-info", "record MIMEEQ_CALL SUCCESS"),
                events);
    }

    @Test
    void noCallWhenTheEntryCannotBeRehearsed() {
        audit.refuseRehearsal = true;

        var result = gateway.products(actor);

        assertEquals(MimeeqFailure.Kind.AUDIT_UNAVAILABLE, assertInstanceOf(MimeeqResult.Failed.class, result).failure().kind());
        assertEquals(List.of("rehearse MIMEEQ_CALL"), events, "Mimeeq was not called and nothing was recorded");
    }

    @Test
    void anAnswerThatCannotBeRecordedIsNotShownAndItsEntryIsKept() {
        audit.refuseRecord = true;

        var result = gateway.products(actor);

        assertEquals(MimeeqFailure.Kind.ANSWER_NOT_AUDITED, assertInstanceOf(MimeeqResult.Failed.class, result).failure().kind());
        assertEquals(List.of("rehearse MIMEEQ_CALL", "call get-products-general-info", "record MIMEEQ_CALL SUCCESS",
                "spool MIMEEQ_CALL SUCCESS"), events);
    }

    @Test
    void aFailedCallIsRecordedAsAnError() {
        http.status = 503;

        var result = gateway.products(actor);

        assertEquals(MimeeqFailure.Kind.UPSTREAM_ERROR, assertInstanceOf(MimeeqResult.Failed.class, result).failure().kind());
        assertEquals("record MIMEEQ_CALL_ERROR FAILURE", events.getLast());
    }

    private final class Audit extends AuditLog {
        boolean refuseRehearsal;
        boolean refuseRecord;

        @Override
        public <T> T checkWritableWhile(TenantId tenant, AuditEntry entry, Function<Session, T> reads) {
            T read = reads.apply(null);
            events.add("rehearse " + entry.type());
            if (refuseRehearsal) {
                throw new IllegalStateException("audit table refuses inserts");
            }
            return read;
        }

        @Override
        public void record(TenantId tenant, AuditEntry entry) {
            events.add("record " + entry.type() + " " + entry.outcome());
            if (refuseRecord) {
                throw new IllegalStateException("audit table refuses inserts");
            }
        }
    }

    private final class Spool extends AuditSpool {
        @Override
        public void keep(TenantId tenant, AuditEntry entry) {
            events.add("spool " + entry.type() + " " + entry.outcome());
        }
    }

    private final class Http extends MimeeqHttpClient {
        int status = 200;

        @Override
        public HttpReply get(URI base, String path, Map<String, String> query, ApiKey key, String correlationId) {
            events.add("call " + path);
            return new HttpReply(status, status == 200 ? PRODUCTS : "{}", null, Duration.ofMillis(3));
        }
    }

    private static final class Keys extends ApiKeys {
        @Override
        public KeyForCall forCall(Session session, TenantId tenant) {
            return new KeyForCall.Usable(new ApiKey("unit-test-key-0001"), 0);
        }
    }

    private static final class OneTenant extends Tenants {
        @Override
        public Optional<Tenant> find(Session session, TenantId id) {
            return Optional.of(new Tenant(id, new TenantName("Example"), new MimeeqBaseUrl("https://mimeeq.example"),
                    Instant.now()));
        }
    }
}
