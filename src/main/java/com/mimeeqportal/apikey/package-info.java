/**
 * The vault for tenants' Mimeeq API keys: Tink AEAD with the tenant id as associated data, a keyed
 * fingerprint, the master keysets kept outside the database, and the admin page that sets a key. The
 * plaintext exists only inside {@link com.mimeeqportal.apikey.ApiKey} and only on the way to Mimeeq.
 * {@link com.mimeeqportal.apikey.KeysetRotation} adds master keys and moves the stored keys under them.
 */
package com.mimeeqportal.apikey;
