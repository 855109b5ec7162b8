package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The sandbox's few settings, read through MicroProfile Config under {@code sandbox.*} (environment variables
 * {@code SANDBOX_*}); defaults are in the sandbox's own {@code META-INF/microprofile-config.properties}. The sandbox
 * reads none of the portal's settings: the two are separate applications that meet only over HTTP.
 */
@ApplicationScoped
public class SandboxConfig {

    static final String DATA_DIR = "sandbox.data-dir";
    static final String PUBLIC_URL = "sandbox.public-url";

    private final Function<String, Optional<String>> values;

    @Inject
    public SandboxConfig(Config config) {
        this(name -> config.getOptionalValue(name, String.class));
    }

    SandboxConfig(Function<String, Optional<String>> values) {
        this.values = values;
    }

    /** For CDI's proxy only. */
    protected SandboxConfig() {
        this.values = name -> Optional.empty();
    }

    /** Where the accounts' API keys are kept across restarts. */
    public Path dataDir() {
        return Path.of(value(DATA_DIR).orElse("./data/sandbox")).toAbsolutePath().normalize();
    }

    /**
     * The address browsers reach the sandbox on, ending in {@code /}, when it differs from the one its API callers
     * use (say the portal calls {@code http://localhost:8080/sandbox} but people browse from other machines).
     * Preview-image links are built on it; without it they are built on the address each request came to.
     */
    public Optional<URI> publicUrl() {
        return value(PUBLIC_URL).map(url -> URI.create(url.endsWith("/") ? url : url + "/"));
    }

    private Optional<String> value(String name) {
        return values.apply(name).map(String::trim).filter(value -> !value.isEmpty());
    }
}
