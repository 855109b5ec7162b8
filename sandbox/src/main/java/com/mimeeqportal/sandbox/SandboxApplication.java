package com.mimeeqportal.sandbox;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's JAX-RS application, at the root of its WAR (context root {@code /sandbox}, so the API's paths
 * follow the base URL as Mimeeq's follow {@code https://mimeeqapi.com}). Its classes are listed rather than
 * scanned, so that nothing the emulated API lacks joins it by accident.
 */
@ApplicationPath("/")
public class SandboxApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
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
