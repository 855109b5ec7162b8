package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.tenant.AuditRetention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint files: append-only signed lines; forged or foreign lines do not count. */
class CheckpointsTest {

    private static final TenantId TENANT = new TenantId("0b6f3c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f");
    private static final TenantId OTHER = new TenantId("1b6f3c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f");

    @TempDir
    Path dir;

    @Test
    void theLatestSignedCheckpointCountsAndForgedLinesAreIgnored() throws Exception {
        ChainMac mac = new ChainMac(MasterKeysets.mac(dir.resolve("mac.json"), true));
        Checkpoints checkpoints = new Checkpoints(dir.resolve("cp"), mac);
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        checkpoints.write(new Checkpoint(TENANT, Checkpoint.Kind.HEAD, 10, "aa", at));
        checkpoints.write(new Checkpoint(TENANT, Checkpoint.Kind.ANCHOR, 4, "bb", at));
        checkpoints.write(new Checkpoint(TENANT, Checkpoint.Kind.HEAD, 12, "cc", at));
        assertEquals(Optional.of(new Checkpoint(TENANT, Checkpoint.Kind.HEAD, 12, "cc", at)),
                checkpoints.latest(TENANT, Checkpoint.Kind.HEAD));
        assertTrue(checkpoints.recordedAnchor(TENANT, 4, "bb"));
        assertFalse(checkpoints.recordedAnchor(TENANT, 4, "bc"));
        assertEquals(Optional.empty(), checkpoints.latest(OTHER, Checkpoint.Kind.HEAD));

        Path file = checkpoints.file(TENANT);
        Files.writeString(file, "v1 HEAD " + TENANT + " 99 dd 2026-11-27T11:00:00Z 0123abcd\n", StandardOpenOption.APPEND);
        String otherTenantsLine = Files.readString(file).lines().findFirst().orElseThrow().replace(TENANT.value(), OTHER.value());
        Files.writeString(checkpoints.file(OTHER), otherTenantsLine + "\n");
        assertEquals(12, checkpoints.latest(TENANT, Checkpoint.Kind.HEAD).orElseThrow().seq(), "a forged line is ignored");
        assertEquals(Optional.empty(), checkpoints.latest(OTHER, Checkpoint.Kind.HEAD), "a line moved to another tenant fails");

        Checkpoints withoutTheKey = new Checkpoints(dir.resolve("cp"),
                new ChainMac(MasterKeysets.mac(dir.resolve("other.json"), true)));
        assertEquals(Optional.empty(), withoutTheKey.latest(TENANT, Checkpoint.Kind.HEAD));
    }

    @Test
    void retentionIsWholeDaysFromZeroToTenYears() {
        assertTrue(AuditRetention.parse("0").forever());
        assertEquals(30, AuditRetention.parse(" 30 ").days());
        assertEquals(3650, AuditRetention.parse("3650").days());
        for (String bad : new String[] {"", "-1", "3651", "1.5", "30d", "99999999999"}) {
            assertThrows(InvalidInputException.class, () -> AuditRetention.parse(bad), bad);
        }
    }
}
