/**
 * Demo mode's seed data: the tenant Demo Furniture, whose key is the sandbox account's, and its users.
 */
package com.mimeeqportal.demo;
