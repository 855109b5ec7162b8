package com.mimeeqportal.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * A saved modular scene: the MODULAR product, configured, and the component products placed in it, each with its
 * own configuration, quantity and configuration short code.
 */
record Scene(Configuration modular, List<Component> components) {

    /** One product in the scene; {@code shortCode} resolves to its configuration on its own. */
    record Component(Configuration configuration, int quantity, String shortCode) {
        Component {
            Objects.requireNonNull(configuration, "configuration");
            if (quantity < 1) {
                throw new IllegalArgumentException("A component is placed at least once");
            }
            Objects.requireNonNull(shortCode, "shortCode");
        }

        SandboxProduct product() {
            return configuration.product();
        }
    }

    Scene {
        Objects.requireNonNull(modular, "modular");
        if (modular.product().mode() != SandboxProduct.Mode.MODULAR) {
            throw new IllegalArgumentException(modular.product().productId() + " is not a MODULAR product");
        }
        components = List.copyOf(components);
        if (components.size() < 2 || components.size() > 4) {
            throw new IllegalArgumentException("A sandbox scene has 2 to 4 components");
        }
    }

    SandboxProduct product() {
        return modular.product();
    }
}
