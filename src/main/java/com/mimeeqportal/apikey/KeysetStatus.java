package com.mimeeqportal.apikey;

import java.util.List;

/**
 * What the operator's keyset page shows: each master key with how many tenant keys it protects, how
 * many are not yet under the primary, and the latest re-encryption. Ids and counts only, never a key.
 */
public record KeysetStatus(List<KeyUse> keys, long pending, Reencryption reencryption) {

    public KeysetStatus {
        keys = List.copyOf(keys);
    }

    /** A master key and the number of stored tenant keys whose ciphertext names it. */
    public record KeyUse(MasterKeyset.MasterKey key, long tenantKeys) {
    }
}
