package com.mimeeqportal.apikey;

/** The key vault could not do its work; the message never contains key material. */
public final class KeyVaultException extends RuntimeException {

    public KeyVaultException(String message) {
        super(message);
    }

    public KeyVaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
