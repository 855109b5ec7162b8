package com.mimeeqportal.apikey;

/** What the tenant's stored key allows right now: a call with it, or why not. */
public sealed interface KeyForCall {

    /**
     * The key, how many 401s Mimeeq has answered in a row with it so far, and its fingerprint, which names the
     * key the call's answer is about when key health is updated (the key may be replaced during the call).
     */
    record Usable(ApiKey key, int unauthorizedInARow, String fingerprint) implements KeyForCall {

        /** A key whose fingerprint is not known: its answers count for whatever key is stored. */
        public Usable(ApiKey key, int unauthorizedInARow) {
            this(key, unauthorizedInARow, null);
        }
    }

    /** No key was ever set. */
    record Missing() implements KeyForCall {
    }

    /** Mimeeq rejected it too often; no call is made until an admin sets a new one. */
    record Invalidated() implements KeyForCall {
    }

    /** The stored ciphertext does not open with this portal's master keyset. */
    record Unreadable() implements KeyForCall {
    }
}
