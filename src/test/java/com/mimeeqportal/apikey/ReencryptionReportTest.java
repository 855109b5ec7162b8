package com.mimeeqportal.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.identity.Actor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress another instance shows, and resumes from, is the progress the runner had. */
class ReencryptionReportTest {

    @Test
    void progressAndOperatorSurviveTheLeasesJson() {
        Reencryption progress = new Reencryption(Reencryption.State.RUNNING, 120, 30, 2,
                List.of(new Reencryption.FailedTenant(TenantId.random().value(), "Büro \"Schmidt\"", "UNREADABLE")),
                Instant.parse("2026-12-01T10:00:00Z"), null);
        Actor operator = new Actor(new SignedInUser("user-1", new Username("operator"), TenantId.SYSTEM, "", Role.OPERATOR),
                "127.0.0.1", "c-1");
        ReencryptionReport read = ReencryptionReport.parse(ReencryptionReport.of(progress, operator).toJson());
        assertEquals(progress, read.progress());
        assertEquals("operator", read.actor().name());
        assertEquals("user-1", read.actor().user().userId());
    }
}
