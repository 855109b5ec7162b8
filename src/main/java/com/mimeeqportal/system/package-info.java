/**
 * Runs the portal: typed configuration, the database (pool, Flyway migrations, Hibernate bootstrapped
 * with one session per tenant), the key vault's construction, start-up order and readiness. Nothing here
 * knows about pages or Mimeeq.
 */
package com.mimeeqportal.system;
