package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.identity.TenantId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canonical form is unambiguous and covers every field; the MAC needs the keyset. */
class ChainMacTest {

    @TempDir
    Path dir;

    private static final TenantId TENANT = new TenantId("0b6f3c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f");

    private static AuditEvent event(TenantId tenant, long seq, String prev, AuditEntry entry) {
        return new AuditEvent(tenant, seq, prev, entry);
    }

    private static AuditEntry.Builder base() {
        return AuditEntry.of(AuditEventType.MIMEEQ_CALL).at(Instant.parse("2026-11-27T10:15:30.123456789Z"))
                .actor("admin@demo.example").clientIp("10.0.0.1").target("/get-products-general-info")
                .detail("page 1").httpStatus(200).duration(Duration.ofMillis(42)).correlationId("c-1");
    }

    @Test
    void timesAreCutToMicrosecondsAndWrittenWithSixDigits() {
        AuditEntry entry = base().success();
        assertEquals(Instant.parse("2026-11-27T10:15:30.123456Z"), entry.occurredAt());
        assertEquals("2026-11-27T10:15:30.000000Z", CanonicalForm.time(Instant.parse("2026-11-27T10:15:30Z")));
        String form = new String(CanonicalForm.of(event(TENANT, 7, "abc", entry)), StandardCharsets.UTF_8);
        assertTrue(form.contains("27:2026-11-27T10:15:30.123456Z"), form);
    }

    @Test
    void theFormIsUnambiguousAcrossFieldBoundariesAndNulls() {
        byte[] a = CanonicalForm.of(event(TENANT, 1, "g", base().actor("ab").clientIp("c").success()));
        byte[] b = CanonicalForm.of(event(TENANT, 1, "g", base().actor("a").clientIp("bc").success()));
        byte[] nullDetail = CanonicalForm.of(event(TENANT, 1, "g", base().detail(null).success()));
        byte[] textNull = CanonicalForm.of(event(TENANT, 1, "g", base().detail("~").success()));
        byte[] emptyDetail = CanonicalForm.of(event(TENANT, 1, "g", base().detail("").success()));
        assertFalse(MessageDigest.isEqual(a, b));
        assertFalse(MessageDigest.isEqual(nullDetail, textNull));
        assertFalse(MessageDigest.isEqual(nullDetail, emptyDetail));
    }

    @Test
    void everyFieldAndTheChainPositionChangeTheForm() {
        AuditEntry entry = base().success();
        byte[] original = CanonicalForm.of(event(TENANT, 5, "prev", entry));
        assertArrayEquals(original, CanonicalForm.of(event(TENANT, 5, "prev", entry)), "deterministic");
        for (AuditEvent changed : new AuditEvent[] {
                event(TenantId.SYSTEM, 5, "prev", entry),
                event(TENANT, 6, "prev", entry),
                event(TENANT, 5, "prew", entry),
                event(TENANT, 5, "prev", base().at(Instant.parse("2026-11-27T10:15:30.123457Z")).success()),
                event(TENANT, 5, "prev", base().actor("other").success()),
                event(TENANT, 5, "prev", base().clientIp("10.0.0.2").success()),
                event(TENANT, 5, "prev", base().error("TIMEOUT")),
                event(TENANT, 5, "prev", base().target("/x").success()),
                event(TENANT, 5, "prev", base().detail("page 2").success()),
                event(TENANT, 5, "prev", base().httpStatus(201).success()),
                event(TENANT, 5, "prev", base().duration(Duration.ofMillis(43)).success()),
                event(TENANT, 5, "prev", base().correlationId("c-2").success())}) {
            assertFalse(MessageDigest.isEqual(original, CanonicalForm.of(changed)));
        }
    }

    @Test
    void aTagVerifiesOnlyUnderTheSameKeysetAndForTheSameBytes() throws Exception {
        ChainMac mac = new ChainMac(MasterKeysets.mac(dir.resolve("mac.json"), true));
        ChainMac otherKey = new ChainMac(MasterKeysets.mac(dir.resolve("other.json"), true));
        byte[] data = CanonicalForm.of(event(TENANT, 1, AuditChainHead.GENESIS, base().success()));
        String tag = mac.tag(data);
        assertTrue(mac.valid(tag, data));
        assertFalse(otherKey.valid(tag, data), "another key");
        assertFalse(mac.valid(otherKey.tag(data), data));
        data[data.length - 1] ^= 1;
        assertFalse(mac.valid(tag, data), "other bytes");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        assertFalse(mac.valid(sha256, data), "a plain hash, as someone without the key would compute");
        assertFalse(mac.valid("not hex", data));
        assertFalse(mac.valid(null, data));
    }

    @Test
    void boundedTextNeverSplitsASurrogatePairAndDropsNul() {
        String actor = "x".repeat(252) + "😀" + "tail";
        AuditEntry entry = AuditEntry.of(AuditEventType.LOGIN).actor(actor).detail("a\u0000b").success();
        assertEquals("x".repeat(252) + "…", entry.actor());
        assertEquals("a\uFFFDb", entry.detail());
    }
}
