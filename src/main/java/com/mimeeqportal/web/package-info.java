/**
 * The web layer every page shares: the Thymeleaf engine and layout, the request filter (correlation id,
 * security headers, CSRF), error pages, paging, and the validation exception that carries a field and a
 * message key instead of the offending input.
 */
package com.mimeeqportal.web;
