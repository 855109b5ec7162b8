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
    TENANT_CREATE,
    USER_CREATE,
    ACCESS_DENIED,
    STARTUP
}
