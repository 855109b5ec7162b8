package com.mimeeqportal.mimeeq;

import com.mimeeqportal.system.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;

/**
 * Where this instance's own sandbox answers. Tenants whose base URL is {@code sandbox} call it over real
 * HTTP on loopback; the port is learnt from the requests the server receives (it may be random, as in
 * tests) unless {@code portal.sandbox.base-url} names it.
 */
@ApplicationScoped
public class SandboxLocation {

    private final PortalConfig config;
    private volatile URI learnt;

    @Inject
    public SandboxLocation(PortalConfig config) {
        this.config = config;
    }

    protected SandboxLocation() {
        this.config = null;
    }

    public void learnFrom(HttpServletRequest request) {
        if (learnt == null) {
            learnt = URI.create("http://127.0.0.1:" + request.getLocalPort() + request.getContextPath() + "/sandbox");
        }
    }

    /**
     * The sandbox builds image URLs from the loopback address the portal called it on; a browser elsewhere
     * cannot reach that, so such URLs are shown as paths on the portal's own origin.
     */
    public String browserUrl(String url) {
        URI base = baseUri().orElse(null);
        if (url == null || base == null) {
            return url;
        }
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        return url.startsWith(origin + "/") ? url.substring(origin.length()) : url;
    }

    public Optional<URI> baseUri() {
        if (!config.sandboxEnabled()) {
            return Optional.empty();
        }
        return config.sandboxBaseUrl().map(URI::create).or(() -> Optional.ofNullable(learnt));
    }
}
