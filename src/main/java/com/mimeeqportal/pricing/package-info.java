/**
 * Pricing pages: the price of a short code under exactly one pricing source (/pricing), and one code
 * under up to five sources side by side (/pricing/compare). Prices are never cached.
 */
package com.mimeeqportal.pricing;
