package com.mimeeqportal.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** /health/ready reports DOWN until the database answers, so a load balancer sends no one to a broken portal. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

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
        try (Connection connection = database.dataSource().getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(2)).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().build();
        }
    }
}
