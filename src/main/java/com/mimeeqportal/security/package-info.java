/**
 * Sign-in and sign-out with Jakarta Security: the identity store over the portal's users with lockout after
 * repeated failures, the custom form mechanism, and signed-in sessions: the user kept in the session (from
 * which the tenant of every request comes), checked on every request so that disabling, a password reset,
 * a suspended tenant or the absolute timeout ends it at once.
 */
package com.mimeeqportal.security;
