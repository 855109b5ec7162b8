package com.mimeeqportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Short codes in Mimeeq's look: 6 characters {@code [A-Z0-9]}. They are derived from what they stand for (a hash,
 * not a counter), because Mimeeq's codes are stable: the same product and configuration always get the same code.
 */
final class SandboxShortCodes {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int LENGTH = 6;

    private SandboxShortCodes() {
    }

    /** The short code for {@code subject}, e.g. {@code "embed:" + productId}; prefixes keep code kinds apart. */
    static String derive(String subject) {
        byte[] hash = sha256(subject);
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(Byte.toUnsignedInt(hash[i]) % ALPHABET.length()));
        }
        return code.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
