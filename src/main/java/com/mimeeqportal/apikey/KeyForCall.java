package com.mimeeqportal.apikey;

/** What the tenant's stored key allows right now: a call with it, or why not. */
public sealed interface KeyForCall {

    /** The key, and how many 401s Mimeeq has answered in a row with it so far. */
    record Usable(ApiKey key, int unauthorizedInARow) implements KeyForCall {
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
