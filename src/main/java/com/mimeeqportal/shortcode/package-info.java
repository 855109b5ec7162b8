/**
 * Short codes: generating one through Mimeeq and remembering it in the tenant's history, the history
 * page with its search, and QR codes drawn as SVG on the server.
 */
package com.mimeeqportal.shortcode;
