/**
 * What every feature stands on: typed configuration, the database (pool, Flyway migrations, Hibernate
 * bootstrapped with one session per tenant, rolled-back rehearsals) and readiness. It depends on no
 * feature; the start-up wiring that knows them all is in {@code boot}.
 */
package com.mimeeqportal.system;
