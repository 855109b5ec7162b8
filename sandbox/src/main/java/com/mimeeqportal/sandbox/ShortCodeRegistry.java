package com.mimeeqportal.sandbox;

import com.mimeeqportal.sandbox.SandboxProduct.Mode;
import com.mimeeqportal.sandbox.ShortCodeTarget.ConfiguredProduct;
import com.mimeeqportal.sandbox.ShortCodeTarget.Embed;
import com.mimeeqportal.sandbox.ShortCodeTarget.SavedScene;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which short code stands for what. Codes are derived from what they stand for ({@link SandboxShortCodes}), so
 * generating one twice gives the same code; the map only lets a code be read back. It lives in memory, and at
 * start every product's embed code, default configuration and (for MODULAR products) default scene are registered,
 * so those resolve after any restart; codes generated for other configurations resolve until the next restart.
 */
@ApplicationScoped
public class ShortCodeRegistry {

    private final Map<String, ShortCodeTarget> targets = new ConcurrentHashMap<>();
    private final SceneBuilder scenes;

    @Inject
    public ShortCodeRegistry(SandboxCatalog catalog) {
        this.scenes = new SceneBuilder(catalog.all());
        // Registration order is fixed by the catalog's order, so the rare clash (see register) resolves the same way.
        for (SandboxProduct product : catalog.all()) {
            register("embed:" + product.productId(), new Embed(product));
        }
        for (SandboxProduct product : catalog.all()) {
            codeFor(Configuration.defaultOf(product));
        }
    }

    /** For CDI's proxy only. */
    protected ShortCodeRegistry() {
        this.scenes = null;
    }

    /**
     * The short code of a configuration, registered so it can be resolved: for a MODULAR product the code of the
     * scene its configuration makes, for any other product its configuration short code.
     */
    public String codeFor(Configuration configuration) {
        if (configuration.product().mode() == Mode.MODULAR) {
            Scene scene = scenes.build(configuration, this::configurationCode);
            return register("scene:" + configuration.product().productId() + "|" + configuration.code(),
                    new SavedScene(scene));
        }
        return configurationCode(configuration);
    }

    public Optional<ShortCodeTarget> resolve(String shortCode) {
        return Optional.ofNullable(targets.get(shortCode));
    }

    private String configurationCode(Configuration configuration) {
        return register("config:" + configuration.product().productId() + "|" + configuration.code(),
                new ConfiguredProduct(configuration));
    }

    /**
     * Registers the code derived from {@code subject}. Six characters leave about two billion codes, so two subjects
     * may, very rarely, hash alike; the later one then takes the code of {@code subject#1} (or #2…) instead.
     */
    private String register(String subject, ShortCodeTarget target) {
        for (int attempt = 0; ; attempt++) {
            String code = SandboxShortCodes.derive(attempt == 0 ? subject : subject + "#" + attempt);
            ShortCodeTarget existing = targets.putIfAbsent(code, target);
            if (existing == null || existing.equals(target)) {
                return code;
            }
        }
    }
}
