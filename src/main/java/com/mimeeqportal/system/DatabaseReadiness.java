package com.mimeeqportal.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * /health/ready reports DOWN unless the database answers a real query within two seconds, so a load
 * balancer sends no one to a portal whose pages would only say the database is unavailable. It turns UP
 * again by itself when the database returns.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Database database;

    @Inject
    public DatabaseReadiness(Database database) {
        this.database = database;
    }

    protected DatabaseReadiness() {
        this.database = null;
    }

    @Override
    public HealthCheckResponse call() {
        Database.Health health = database.health(TIMEOUT);
        return HealthCheckResponse.named("database").status(health == Database.Health.UP)
                .withData("database", health.name()).build();
    }
}
