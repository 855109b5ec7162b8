package com.mimeeqportal.mimeeq.sandbox;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's JAX-RS application, at {@code /sandbox}; the portal's own pages are servlets. Its classes are
 * listed rather than scanned, so that no resource or provider added elsewhere in the WAR joins the emulated API.
 */
@ApplicationPath("sandbox")
public class SandboxApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                SandboxEnabledFilter.class,
                SandboxResource.class,
                SandboxImageResource.class,
                SandboxAdminResource.class,
                SandboxFaultsResource.class,
                SandboxRequestsResource.class);
    }

    /** Mimeeq publishes no WADL, and the emulator should not grow endpoints the real API lacks. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
