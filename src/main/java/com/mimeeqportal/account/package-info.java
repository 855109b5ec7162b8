/**
 * What people do with accounts once they exist: the services behind the admin's user page (create,
 * disable, enable, unlock, change role, reset password, never leaving the tenant without an active
 * admin; the page itself is in {@code admin}), everyone's own password at /account/password, and everyone's
 * own language and time zone (/preferences), kept on the account.
 */
package com.mimeeqportal.account;
