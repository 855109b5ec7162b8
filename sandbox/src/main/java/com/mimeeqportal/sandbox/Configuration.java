package com.mimeeqportal.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A product with one option chosen in each of its blocks: what a configuration code such as
 * {@code Fabric-a7&Colour-a1} stands for.
 *
 * @param selections one per block of the product, in the product's block order
 */
record Configuration(SandboxProduct product, List<Selection> selections) {

    /** The option chosen in one block. */
    record Selection(SandboxBlock block, SandboxOption option) {
        Selection {
            Objects.requireNonNull(block, "block");
            block.configurationPart(Objects.requireNonNull(option, "option"));
        }
    }

    Configuration {
        Objects.requireNonNull(product, "product");
        selections = List.copyOf(selections);
        if (!selections.stream().map(Selection::block).toList().equals(product.blocks())) {
            throw new IllegalArgumentException("A configuration of " + product.productId()
                    + " chooses one option in each of its blocks, in order");
        }
    }

    /** The product as the configurator opens it. */
    static Configuration defaultOf(SandboxProduct product) {
        return new Configuration(product,
                product.blocks().stream().map(block -> new Selection(block, block.defaultOption())).toList());
    }

    /** The normalised configuration code: every block, in the product's order, e.g. {@code Fabric-a7&Colour-a1}. */
    String code() {
        return selections.stream()
                .map(selection -> selection.block().configurationPart(selection.option()))
                .collect(Collectors.joining("&"));
    }

    /** The option chosen in the block with this code, if the product has such a block. */
    Optional<SandboxOption> optionIn(String blockCode) {
        return selections.stream()
                .filter(selection -> selection.block().code().equals(blockCode))
                .map(Selection::option)
                .findFirst();
    }
}
