/**
 * What people do with accounts once they exist: an account admin manages the tenant's users at
 * /admin/users (create, disable, enable, unlock, change role, reset password, never leaving the tenant
 * without an active admin), and everyone changes their own password at /account/password.
 */
package com.mimeeqportal.account;
