package com.mimeeqportal.mimeeq;

import com.mimeeqportal.system.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where this instance's own sandbox answers. Tenants whose base URL is {@code sandbox} call it over real
 * HTTP on loopback; the port is learnt from the requests the server receives (it may be random, as in
 * tests) unless {@code portal.sandbox.base-url} names it.
 */
@ApplicationScoped
public class SandboxLocation {

    private final boolean enabled;
    private final Optional<URI> configured;
    private volatile URI learnt;

    @Inject
    public SandboxLocation(PortalConfig config) {
        this(config.sandboxEnabled(), config.sandboxBaseUrl().map(URI::create));
    }

    /** {@code configured}: where the sandbox answers, if not on this instance's own port. */
    public SandboxLocation(boolean enabled, Optional<URI> configured) {
        this.enabled = enabled;
        this.configured = configured;
    }

    protected SandboxLocation() {
        this(false, Optional.empty());
    }

    public void learnFrom(HttpServletRequest request) {
        if (learnt == null) {
            learnt = URI.create("http://127.0.0.1:" + request.getLocalPort() + request.getContextPath() + "/sandbox");
        }
    }

    /**
     * The sandbox builds image URLs from the loopback address the portal called it on; a browser elsewhere
     * cannot reach that, so such URLs are shown as paths on the portal's own origin. The origin is worked
     * out once, for a whole product list.
     */
    public UnaryOperator<String> browserUrls() {
        Optional<String> origin = baseUri().map(base -> base.getScheme() + "://" + base.getRawAuthority() + "/");
        if (origin.isEmpty()) {
            return UnaryOperator.identity();
        }
        String prefix = origin.get();
        return url -> url != null && url.startsWith(prefix) ? url.substring(prefix.length() - 1) : url;
    }

    public Optional<URI> baseUri() {
        return enabled ? configured.or(() -> Optional.ofNullable(learnt)) : Optional.empty();
    }
}
