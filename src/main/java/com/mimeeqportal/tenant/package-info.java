/**
 * Tenants (customer accounts) and their value objects. Tenants live above tenancy: only this package
 * reads and writes the tenant table, always through the system session.
 */
package com.mimeeqportal.tenant;
