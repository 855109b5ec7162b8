package com.mimeeqportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A flood of failed sign-ins becomes a bounded number of audit entries. */
class FailureTallyTest {

    private static final Instant MINUTE = Instant.parse("2026-01-01T10:00:00Z");
    private final FailureTally tally = new FailureTally();

    @Test
    void aThousandFailuresFromOneClientInAMinuteAreTenEntriesAndOneSummary() {
        int individual = 0;
        for (int i = 0; i < 1_000; i++) {
            individual += tally.count(TenantId.SYSTEM, "203.0.113.9", "guess" + (i % 3) + "@x.example",
                    "INVALID_CREDENTIALS", true, MINUTE.plusMillis(i * 50L)) ? 1 : 0;
        }
        assertEquals(FailureTally.INDIVIDUAL, individual);
        assertEquals(List.of(), tally.closed(MINUTE.plusSeconds(59)), "the minute has not ended");
        List<FailureTally.Summary> summaries = tally.closed(MINUTE.plusSeconds(60));
        assertEquals(1, summaries.size());
        assertEquals(990, summaries.get(0).count());
        assertEquals(Map.of("INVALID_CREDENTIALS", 990), summaries.get(0).reasons());
        assertEquals(0, tally.openWindows(), "closed windows are forgotten");
    }

    @Test
    void rateLimitedAttemptsAreOnlyEverCountedAndEachMinuteHasItsOwnSummary() {
        assertEquals(false, tally.count(TenantId.SYSTEM, "c", "u@x.example", "RATE_LIMITED", false, MINUTE));
        tally.count(TenantId.SYSTEM, "c", "u@x.example", "RATE_LIMITED", false, MINUTE.plusSeconds(61));
        assertEquals(1, tally.closed(MINUTE.plusSeconds(61)).size(), "only the first minute has ended");
        assertEquals(1, tally.closed(MINUTE.plusSeconds(121)).size());
    }

    @Test
    void windowsAreBoundedUnderAFloodOfAddresses() {
        for (int i = 0; i < FailureTally.MAX_WINDOWS + 5_000; i++) {
            tally.count(TenantId.SYSTEM, "10." + i, "u", "RATE_LIMITED", false, MINUTE);
        }
        assertTrue(tally.openWindows() <= FailureTally.MAX_WINDOWS + 1);
        List<FailureTally.Summary> summaries = tally.closed(MINUTE.plusSeconds(60));
        assertTrue(summaries.stream().anyMatch(s -> s.client().equals(FailureTally.MANY_CLIENTS) && s.count() >= 5_000));
    }
}
