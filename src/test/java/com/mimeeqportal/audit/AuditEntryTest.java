package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    @Test
    void errorPicksThePairedTypeAndKeepsTheReason() {
        AuditEntry entry = AuditEntry.of(AuditEventType.MIMEEQ_CALL).httpStatus(401).duration(Duration.ofMillis(12))
                .error("INVALID_KEY");
        assertEquals(AuditEventType.MIMEEQ_CALL_ERROR, entry.type());
        assertEquals(AuditOutcome.FAILURE, entry.outcome());
        assertEquals("INVALID_KEY", entry.reason());
        assertEquals(12L, entry.durationMs());
    }

    @Test
    void successKeepsTheTypeAndHasNoReason() {
        AuditEntry entry = AuditEntry.of(AuditEventType.LOGIN).actor("someone").success();
        assertEquals(AuditEventType.LOGIN, entry.type());
        assertEquals(AuditOutcome.SUCCESS, entry.outcome());
        assertNull(entry.reason());
    }

    @Test
    void entriesWrittenOutsideARequestGetACorrelationIdOfTheirOwn() {
        AuditEntry job = AuditEntry.of(AuditEventType.AUDIT_PURGE).actor("system").success();
        assertTrue(job.correlationId().startsWith("job-"), job.correlationId());
        assertEquals("req-1", AuditEntry.of(AuditEventType.LOGIN).correlationId("req-1").success().correlationId());
    }

    @Test
    void unpairedTypesStayThemselvesOnError() {
        assertEquals(AuditEventType.LOGOUT, AuditEntry.of(AuditEventType.LOGOUT).error("X").type());
    }

    @Test
    void oversizedTextIsBoundedSoTheWriteCannotFail() {
        AuditEntry entry = AuditEntry.of(AuditEventType.LOGIN).actor("x".repeat(10_000)).error("INVALID_INPUT");
        assertEquals(254, entry.actor().length());
    }
}
