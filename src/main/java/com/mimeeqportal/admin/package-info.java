/**
 * The account admin's pages under /admin (templates in admin/): the tenant's users at /admin/users and
 * the Mimeeq API key at /admin/api-key. The work is done by the services of {@code account},
 * {@code apikey} and {@code mimeeq}; these servlets read input and render.
 */
package com.mimeeqportal.admin;
