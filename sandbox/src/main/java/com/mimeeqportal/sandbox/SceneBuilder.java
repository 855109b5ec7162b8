package com.mimeeqportal.sandbox;

import com.mimeeqportal.sandbox.Configuration.Selection;
import com.mimeeqportal.sandbox.SandboxProduct.Mode;
import com.mimeeqportal.sandbox.SandboxProduct.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Composes the scene behind a MODULAR product's configuration. The sandbox has no real modular planner, so the
 * components are drawn from the owner's other products by a random sequence seeded with the product id and
 * configuration code: the same request always gives the same scene, also after a restart.
 */
final class SceneBuilder {

    private static final int MIN_COMPONENTS = 2;
    private static final int MAX_COMPONENTS = 4;
    private static final int MAX_QUANTITY = 4;

    private final List<SandboxProduct> catalog;

    SceneBuilder(List<SandboxProduct> catalog) {
        this.catalog = List.copyOf(catalog);
    }

    /**
     * The scene for a configured MODULAR product.
     *
     * @param shortCodeOf registers a component's configuration and answers its short code
     */
    Scene build(Configuration modular, Function<Configuration, String> shortCodeOf) {
        Random random = new Random(UUID.nameUUIDFromBytes(("scene:" + modular.product().productId() + "|"
                + modular.code()).getBytes(StandardCharsets.UTF_8)).getMostSignificantBits());
        List<SandboxProduct> candidates = new ArrayList<>(candidates(modular.product()));
        Collections.shuffle(candidates, random);
        int count = MIN_COMPONENTS + random.nextInt(MAX_COMPONENTS - MIN_COMPONENTS + 1);
        List<Scene.Component> components = new ArrayList<>();
        for (SandboxProduct product : candidates.subList(0, Math.min(count, candidates.size()))) {
            Configuration configuration = componentConfiguration(product, modular, random);
            components.add(new Scene.Component(configuration, 1 + random.nextInt(MAX_QUANTITY),
                    shortCodeOf.apply(configuration)));
        }
        return new Scene(modular, components);
    }

    /**
     * Active, non-modular products of the same owner that everyone who sees the modular product also sees, so a
     * component's own short code is never forbidden to someone who may open the scene; same collection first.
     * Should that leave fewer than two, any of the owner's active products will do.
     */
    private List<SandboxProduct> candidates(SandboxProduct modular) {
        List<SandboxProduct> owners = catalog.stream()
                .filter(product -> product.ownerAccountId().equals(modular.ownerAccountId()))
                .filter(product -> product.status() == Status.ACTIVE && product.mode() != Mode.MODULAR)
                .toList();
        List<SandboxProduct> visible = owners.stream()
                .filter(product -> product.sharedWith().containsAll(modular.sharedWith()))
                .toList();
        List<SandboxProduct> sameCollection = visible.stream()
                .filter(product -> product.collection().equals(modular.collection()))
                .toList();
        if (sameCollection.size() >= MIN_COMPONENTS) {
            return sameCollection;
        }
        return visible.size() >= MIN_COMPONENTS ? visible : owners;
    }

    /** The modular product's finish where the component offers the same option, a random option elsewhere. */
    private static Configuration componentConfiguration(SandboxProduct product, Configuration modular, Random random) {
        List<Selection> selections = new ArrayList<>();
        for (SandboxBlock block : product.blocks()) {
            // Drawn even when the finish applies, so one block's choice does not shift the next block's draw.
            SandboxOption drawn = block.options().get(random.nextInt(block.options().size()));
            SandboxOption option = modular.optionIn(block.code())
                    .flatMap(finish -> block.options().stream()
                            .filter(candidate -> candidate.code().equals(finish.code())).findFirst())
                    .orElse(drawn);
            selections.add(new Selection(block, option));
        }
        return new Configuration(product, selections);
    }
}
