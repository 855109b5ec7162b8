/**
 * Demo mode's seed data: the tenant Demo Furniture, calling the Mimeeq sandbox deployed beside the portal with
 * the key of the sandbox account demo-furniture (read over HTTP; no sandbox class is on the portal's class path),
 * and its users.
 */
package com.mimeeqportal.demo;
