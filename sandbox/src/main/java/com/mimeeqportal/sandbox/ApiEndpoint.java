package com.mimeeqportal.sandbox;

/** The four endpoints of the emulated API, by the path they are served on (and counted under). */
enum ApiEndpoint {
    PRODUCTS_GENERAL_INFO("get-products-general-info"),
    PRODUCT_INFO("get-product-info"),
    PRODUCT_PRICE_INFO("get-product-price-info"),
    GENERATE_SHORT_CODE("generate-product-short-code");

    private final String path;

    ApiEndpoint(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }
}
