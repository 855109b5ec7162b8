/**
 * The catalog page: the tenant's product list, fetched once from Mimeeq and cached per tenant, then
 * searched and paged here because Mimeeq returns it in one piece. One upstream call per cache miss however
 * many requests arrive at once, and an expired list is served while one refresh runs behind it.
 */
package com.mimeeqportal.catalog;
