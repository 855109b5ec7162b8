package com.mimeeqportal.user;

import java.security.SecureRandom;

/** Random passwords for first admins and demo users: 20 characters that are easy to read out and type. */
public final class GeneratedPasswords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPasswords() {
    }

    public static char[] next() {
        char[] password = new char[20];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return password;
    }
}
