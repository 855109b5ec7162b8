/**
 * The Mimeeq sandbox: an emulator of the Mimeeq REST API, deployed as its own {@code sandbox.war} (context root
 * {@code /sandbox}) beside the portal in demo mode and in the integration tests, so the whole portal runs and is
 * tested without the internet. The portal knows it only as a tenant's Mimeeq base URL; neither imports the other's
 * classes. It holds a few built-in accounts, each with one active API key kept in its data directory, a catalog generated deterministically from the account ids, price
 * lists, companies and embed templates derived the same way, and answers the four endpoints in the shapes and with
 * the errors documented in docs/mimeeq-api.md (its "Decisions" settle where the sources disagree).
 *
 * <p>{@link com.mimeeqportal.sandbox.SandboxResource} maps HTTP onto services ({@code ShortCodeGenerator},
 * {@code ProductInfoService}, {@code PriceInfoService}); every call first passes the {@code SandboxGate} (key,
 * request counting, rate limits, injected faults), which local-only admin hooks under {@code /_admin} configure.
 * Methods one bean calls on another are public because CDI's client proxies are only required to forward those.
 */
package com.mimeeqportal.sandbox;
