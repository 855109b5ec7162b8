package com.mimeeqportal.user;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 at OWASP's 600,000 iterations. The stored form carries its own parameters
 * ({@code pbkdf2-sha256$iterations$salt$hash}) so that the count can be raised later without
 * breaking existing hashes.
 */
public final class PasswordHasher {

    public static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * How many passwords are checked at once: half the cores, at least one. A check is half a second or more
     * of CPU; sign-ins that get past the rate limits (a flood's first burst, say) then queue for their turn
     * instead of taking every core from the pages everyone else is loading. Fair, so nobody waits forever.
     */
    private static final Semaphore VERIFYING = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);

    private final int iterations;
    private final String decoy;

    public PasswordHasher() {
        this(ITERATIONS);
    }

    PasswordHasher(int iterations) {
        this.iterations = iterations;
        this.decoy = stored(random(SALT_BYTES), random(HASH_BITS / 8));
    }

    public String hash(char[] password) {
        byte[] salt = random(SALT_BYTES);
        return stored(salt, derive(password, salt, iterations));
    }

    public boolean verify(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual;
        VERIFYING.acquireUninterruptibly();
        try {
            actual = derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        } finally {
            VERIFYING.release();
        }
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Checked against when a user does not exist, so that timing tells nothing: a stored form with this hasher's
     * iteration count, so that its check costs what a real one does. Its salt and "hash" are random bytes, the
     * hash of no password anyone knows, and {@link Users} refuses a match against it anyway. Nothing is derived
     * to make it: a real hash here cost every start a second or more of CPU.
     */
    public String decoy() {
        return decoy;
    }

    private String stored(byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return random;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
