/**
 * Checking what people type: {@link com.mimeeqportal.input.InvalidInputException} (a field and a message
 * key, never the offending input), text and paging checks, and form errors in words from
 * messages.properties. Value objects in every feature throw from here; it depends on no other package.
 */
package com.mimeeqportal.input;
