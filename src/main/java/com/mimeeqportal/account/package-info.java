/**
 * What people do with accounts once they exist: the services behind the admin's user page (create,
 * disable, enable, unlock, change role, reset password, never leaving the tenant without an active
 * admin; the page itself is in {@code admin}), and everyone's own password at /account/password.
 */
package com.mimeeqportal.account;
