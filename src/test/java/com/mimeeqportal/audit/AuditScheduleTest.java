package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An hourly job's lease lasts until shortly before its next time: a late timer of this time finds it taken. */
class AuditScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:07:00Z");

    @Test
    void heldUntilAMinuteBeforeTheNextHourlyRun() {
        assertEquals(Duration.ofMinutes(59), AuditSchedule.hold(NOW, NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void shortIntervalsKeepThreeQuartersOfTheirTime() {
        assertEquals(Duration.ofMillis(3_750), AuditSchedule.hold(NOW, NOW.plusSeconds(5)));
        assertEquals(Duration.ofSeconds(1), AuditSchedule.hold(NOW, NOW.plusMillis(500)), "never less than a second");
    }
}
