package com.mimeeqportal.catalog;

import com.mimeeqportal.web.PageRequest;
import com.mimeeqportal.web.Text;
import java.util.Locale;

/** A search of the catalog: free text over names and codes, and a page. */
public record CatalogQuery(String search, PageRequest page) {

    public static final int PAGE_SIZE = 25;

    public CatalogQuery {
        search = search == null || search.isBlank() ? "" : Text.singleLine(search, "q", 1, 100).toLowerCase(Locale.ROOT);
    }

    public static CatalogQuery parse(String search, String page) {
        return new CatalogQuery(search, PageRequest.parse(page, PAGE_SIZE));
    }

    boolean accepts(ProductSummary product) {
        return search.isEmpty() || product.matches(search);
    }
}
