package com.mimeeqportal.mimeeq;

import java.util.List;

/**
 * What {@code /get-product-info} says about the configuration behind a short code: the product, its
 * selected options per block and, for a modular scene, the components with their own short codes.
 */
public record ProductInfo(String name, String code, String description, String image, String sku, String status,
                          String mode, String deliveryInfo, List<Block> configuration, List<Component> components) {

    public ProductInfo {
        configuration = List.copyOf(configuration);
        components = List.copyOf(components);
    }

    public boolean modular() {
        return "MODULAR".equals(mode) || !components.isEmpty();
    }

    /** One block of the configuration and the options selected in it. */
    public record Block(String blockId, String blockName, List<String> options, List<String> optionImages) {
        public Block {
            options = List.copyOf(options);
            optionImages = List.copyOf(optionImages);
        }
    }

    /** One product of a modular scene. */
    public record Component(String productId, String name, String code, String sku, int quantity, String shortCode,
                            String image, List<Block> configuration) {
        public Component {
            configuration = List.copyOf(configuration);
        }
    }
}
