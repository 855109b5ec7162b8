/**
 * The Mimeeq REST API from the portal's side: a thin JAX-RS client that does HTTP only, and a gateway
 * that translates Mimeeq's JSON into portal types and its errors into {@link com.mimeeqportal.mimeeq.MimeeqFailure}s,
 * auditing every call, within per-tenant limits (a circuit breaker, a bulkhead with a short queue, and
 * Mimeeq's Retry-After) so that one tenant never slows another. Pages never see an exception from here.
 */
package com.mimeeqportal.mimeeq;
