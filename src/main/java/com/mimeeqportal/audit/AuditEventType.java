package com.mimeeqportal.audit;

/**
 * What happened. Paired {@code X} / {@code X_ERROR} types in the style of Keycloak's events: the type
 * says what was attempted and whether it worked; {@link AuditEntry#reason()} says why it did not.
 */
public enum AuditEventType {
    MIMEEQ_CALL, MIMEEQ_CALL_ERROR,
    LOGIN, LOGIN_ERROR,
    LOGOUT,
    API_KEY_SET, API_KEY_SET_ERROR,
    API_KEY_TEST, API_KEY_TEST_ERROR,
    API_KEY_REVEAL, API_KEY_REVEAL_ERROR,
    API_KEY_INVALIDATED,
    TENANT_CREATE,
    USER_CREATE,
    ACCESS_DENIED,
    STARTUP,
    // The audit log about itself: who exported what, verification results, purges and their settings.
    AUDIT_EXPORT, AUDIT_EXPORT_ERROR,
    AUDIT_VERIFY, AUDIT_VERIFY_ERROR,
    AUDIT_PURGE, AUDIT_PURGE_ERROR,
    AUDIT_RETENTION_SET, AUDIT_RETENTION_SET_ERROR,
    // Users, sign-in protection and sessions: a lockout is its own event beside the LOGIN_ERROR that caused it.
    LOGIN_LOCKOUT,
    SESSION_END,
    USER_DISABLE, USER_DISABLE_ERROR,
    USER_ENABLE,
    USER_UNLOCK,
    USER_ROLE_CHANGE, USER_ROLE_CHANGE_ERROR,
    USER_PASSWORD_RESET,
    USER_PASSWORD_CHANGE, USER_PASSWORD_CHANGE_ERROR,
    TENANT_UPDATE, TENANT_UPDATE_ERROR,
    TENANT_SUSPEND,
    TENANT_RESUME,
    // The master keyset: a new primary key, the background re-encryption (one error per tenant it could
    // not move) and the disabling of an old key.
    KEYSET_KEY_ADDED,
    KEYSET_REENCRYPTION_STARTED,
    KEYSET_REENCRYPTION_FINISHED,
    KEYSET_REENCRYPTION_ERROR,
    KEYSET_KEY_DISABLED, KEYSET_KEY_DISABLED_ERROR
}
