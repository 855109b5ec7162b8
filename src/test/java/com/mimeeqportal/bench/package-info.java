/**
 * The benchmarks of docs/performance.md ("Benchmarks"), run by hand with {@code ./mvnw -q -Pbench} and never in
 * CI: JMH for what runs in-process (the chained audit append, key decryption, the catalog page's render) and
 * plain {@code java.net.http} timings of a portal started as the run profile starts it (a page with one Mimeeq
 * call against the same call made directly, the cached catalog under 8 clients, start-up and memory). One
 * Markdown table of figure, measured, target and whether it is met comes out at the end.
 */
package com.mimeeqportal.bench;
