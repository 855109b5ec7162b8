/**
 * The catalog page: the tenant's product list, fetched once from Mimeeq and cached per tenant, then
 * searched and paged here because Mimeeq returns it in one piece.
 */
package com.mimeeqportal.catalog;
