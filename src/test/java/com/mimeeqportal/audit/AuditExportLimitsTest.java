package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Exports of one tenant are capped in number and in time; each cap is audited. */
class AuditExportLimitsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private final TenantId tenant = TenantId.random();
    private final Actor admin = new Actor(new SignedInUser("u-1", new Username("admin@x.example"), tenant, "X",
            Role.ACCOUNT_ADMIN), "127.0.0.1", "corr");
    private final RecordingLog audit = new RecordingLog();
    private final AuditFilter filter = AuditFilterForm.parse(new HashMap<String, String>()::get,
            Clock.fixed(NOW, ZoneId.of("UTC"))).orElseThrow();

    @Test
    void oneExportMoreThanTheLimitIsRefusedWhileTheOthersStreamAndAfterwardsAllowedAgain() throws Exception {
        CountDownLatch streaming = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        AuditSearch blocking = new AuditSearch() {
            @Override
            public long stream(TenantId t, AuditFilter f, Consumer<AuditEvent> sink, BooleanSupplier stop) {
                streaming.countDown();
                try {
                    finish.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            }
        };
        AuditAdministration administration = new AuditAdministration(audit, null, blocking, null, 365,
                new AuditAdministration.ExportLimits(2, Duration.ofMinutes(5)), Clock.systemUTC());
        List<Thread> slow = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = Thread.ofVirtual().start(() -> export(administration));
            slow.add(t);
        }
        assertTrue(streaming.await(10, TimeUnit.SECONDS));
        assertThrows(ExportsBusyException.class, () -> administration.export(admin, "/admin/audit/export",
                AuditExport.Format.JSONL, filter, StringWriter::new));
        assertTrue(audit.reasons.contains("TOO_MANY_EXPORTS"));
        finish.countDown();
        for (Thread t : slow) {
            t.join();
        }
        export(administration);
    }

    @Test
    void anExportPastItsTimeLimitStopsAndSaysSoInTheFileAndTheLog() throws Exception {
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AuditSearch slowReader = new AuditSearch() {
            @Override
            public long stream(TenantId t, AuditFilter f, Consumer<AuditEvent> sink, BooleanSupplier stop) {
                long batches = 0;
                while (!stop.getAsBoolean()) {
                    now[0] = now[0].plusSeconds(60); // each batch waits a minute on the client
                    batches++;
                }
                return batches * 500;
            }
        };
        AuditAdministration administration = new AuditAdministration(audit, null, slowReader, null, 365,
                new AuditAdministration.ExportLimits(2, Duration.ofMinutes(5)), clock);
        StringWriter file = new StringWriter();
        administration.export(admin, "/admin/audit/export", AuditExport.Format.JSONL, filter, () -> file);
        assertTrue(file.toString().contains("\"cut_off\":\"cut off after 2500 entries"), file.toString());
        assertTrue(audit.reasons.contains("TIME_LIMIT"));
    }

    private void export(AuditAdministration administration) {
        try {
            administration.export(admin, "/admin/audit/export", AuditExport.Format.CSV, filter, StringWriter::new);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Keeps the reasons of the entries it is given; writes nothing. */
    private static final class RecordingLog extends AuditLog {
        final List<String> reasons = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void record(TenantId tenant, AuditEntry entry) {
            reasons.add(String.valueOf(entry.reason()));
        }
    }
}
