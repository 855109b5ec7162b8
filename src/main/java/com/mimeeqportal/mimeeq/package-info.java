/**
 * The Mimeeq REST API from the portal's side: a thin JAX-RS client that does HTTP only, and a gateway
 * that translates Mimeeq's JSON into portal types and its errors into {@link com.mimeeqportal.mimeeq.MimeeqFailure}s,
 * auditing every call. Pages never see an exception from here.
 */
package com.mimeeqportal.mimeeq;
