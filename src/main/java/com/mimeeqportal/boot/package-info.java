/**
 * Start-up wiring: the CDI producers that build the database, key vault and audit infrastructure, and
 * what happens once when the application starts (keysets, migrations, the operator, demo seeding, the
 * banner). The one package that knows every feature, so nothing may depend on it.
 */
package com.mimeeqportal.boot;
