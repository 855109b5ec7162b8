package com.mimeeqportal.audit;

import com.google.crypto.tink.Mac;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The keyed hash of the audit chain and of the checkpoint files: HMAC-SHA256 under the portal's MAC
 * keyset, which lives beside the master keyset and never in the database. Whoever can write to the
 * database but cannot read that file cannot produce a hash that verifies.
 *
 * <p>Tags are Tink's (a key-id prefix and the HMAC), in lower-case hex. Verification goes through
 * Tink, so entries signed before a rotation of the MAC keyset still verify while the old key is in it.
 */
public final class ChainMac {

    private static final HexFormat HEX = HexFormat.of();

    private final Mac mac;

    public ChainMac(Mac mac) {
        this.mac = mac;
    }

    public String tag(byte[] data) {
        try {
            return HEX.formatHex(mac.computeMac(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit chain's MAC could not be computed", e);
        }
    }

    public boolean valid(String tag, byte[] data) {
        if (tag == null || tag.length() % 2 != 0 || !tag.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return false;
        }
        try {
            mac.verifyMac(HEX.parseHex(tag), data);
            return true;
        } catch (GeneralSecurityException mismatch) {
            return false;
        }
    }
}
