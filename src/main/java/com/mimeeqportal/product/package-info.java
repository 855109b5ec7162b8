/**
 * The product pages: one product's details with a form that generates a short code for a configuration
 * (/catalog/{productId}), and what a short code stands for (/products/lookup). Mimeeq is reached only
 * through the gateway.
 */
package com.mimeeqportal.product;
