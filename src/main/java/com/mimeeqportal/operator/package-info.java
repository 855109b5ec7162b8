/**
 * What the on-prem operator does: creating tenants with their first account admin, renaming, suspending
 * and resuming them. The operator works in the system tenant and never sees a tenant's key, catalog or
 * prices.
 */
package com.mimeeqportal.operator;
