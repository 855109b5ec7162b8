/**
 * Sign-in and sign-out with Jakarta Security: the identity store over the portal's users, the custom
 * form mechanism, and the signed-in user kept in the session, from which the tenant of every request comes.
 */
package com.mimeeqportal.security;
