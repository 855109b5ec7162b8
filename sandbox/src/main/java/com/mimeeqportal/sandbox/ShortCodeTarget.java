package com.mimeeqportal.sandbox;

/**
 * What a short code stands for. Only configuration and scene short codes are accepted by the REST API; embed short
 * codes are known so that they can be refused as such rather than reported as unknown.
 */
sealed interface ShortCodeTarget {

    SandboxProduct product();

    /** A configuration short code: one product id and configuration code pair. */
    record ConfiguredProduct(Configuration configuration) implements ShortCodeTarget {
        @Override
        public SandboxProduct product() {
            return configuration.product();
        }
    }

    /** A scene short code of a MODULAR product. */
    record SavedScene(Scene scene) implements ShortCodeTarget {
        @Override
        public SandboxProduct product() {
            return scene.product();
        }
    }

    /** An embed short code, from the product list's {@code embedShortCode}. */
    record Embed(SandboxProduct product) implements ShortCodeTarget {
    }
}
