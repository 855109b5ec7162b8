package com.mimeeqportal.apikey;

import java.util.Base64;
import java.util.OptionalInt;

/**
 * Reads which master key protects a stored API key without decrypting it: Tink's ciphertexts (TINK
 * output prefix) begin with the byte 0x01 and the 4-byte big-endian id of the key that sealed them. This
 * is how the keyset page counts the keys each master key protects and how rotation finds what is left.
 */
final class CiphertextPrefix {

    private static final byte TINK_PREFIX = 0x01;
    private static final int PREFIX_LENGTH = 5;

    private CiphertextPrefix() {
    }

    /** The id of the sealing key, or empty when {@code sealed} is not Base64 of a Tink-prefixed ciphertext. */
    static OptionalInt keyId(String sealed) {
        if (sealed == null) {
            return OptionalInt.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException notBase64) {
            return OptionalInt.empty();
        }
        if (bytes.length < PREFIX_LENGTH || bytes[0] != TINK_PREFIX) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16)
                | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff));
    }
}
