/**
 * The web layer every page shares: the Thymeleaf engine and layout, the request filter (correlation id,
 * security headers, CSRF), error pages and the page servlet's helpers. It depends on no feature:
 * features reach it through {@link com.mimeeqportal.web.LayoutContributor}, {@link
 * com.mimeeqportal.web.SessionGate} and the {@link com.mimeeqportal.web.AccessRefused} event.
 */
package com.mimeeqportal.web;
