package com.mimeeqportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The order of retentions (forever is the longest) and the operator's floor. */
class AuditRetentionTest {

    @Test
    void foreverKeepsLongestAndDaysCompareAsNumbers() {
        assertTrue(AuditRetention.FOREVER.keepsAtLeastAsLongAs(new AuditRetention(3650)));
        assertFalse(new AuditRetention(3650).keepsAtLeastAsLongAs(AuditRetention.FOREVER));
        assertTrue(new AuditRetention(400).keepsAtLeastAsLongAs(new AuditRetention(365)));
        assertFalse(new AuditRetention(30).keepsAtLeastAsLongAs(new AuditRetention(365)));
    }

    @Test
    void theFloorRaisesShorterRetentionsAndLeavesLongerOnes() {
        assertEquals(new AuditRetention(365), new AuditRetention(1).atLeast(365));
        assertEquals(new AuditRetention(400), new AuditRetention(400).atLeast(365));
        assertEquals(AuditRetention.FOREVER, AuditRetention.FOREVER.atLeast(365));
        assertEquals(new AuditRetention(AuditRetention.MAX_DAYS), new AuditRetention(10).atLeast(99_999));
    }
}
