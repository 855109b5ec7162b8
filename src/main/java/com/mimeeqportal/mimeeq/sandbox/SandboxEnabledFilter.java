package com.mimeeqportal.mimeeq.sandbox;

import com.mimeeqportal.system.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Hides the whole sandbox unless it is enabled (in demo mode only): every request then gets a bare 404, as if
 * nothing were there. Pre-matching, so that it runs before any resource is chosen, for every path.
 */
@Provider
@PreMatching
@ApplicationScoped
public class SandboxEnabledFilter implements ContainerRequestFilter {

    private final PortalConfig config;

    @Inject
    public SandboxEnabledFilter(PortalConfig config) {
        this.config = config;
    }

    /** For CDI's proxy only. */
    protected SandboxEnabledFilter() {
        this.config = null;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!config.sandboxEnabled()) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND).build());
        }
    }
}
