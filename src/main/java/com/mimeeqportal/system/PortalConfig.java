package com.mimeeqportal.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Every setting the portal reads, in one place, typed. Names are documented in docs/configuration.md;
 * defaults live in META-INF/microprofile-config.properties so that operators see them in one file.
 */
@ApplicationScoped
public class PortalConfig {

    private final Config config;

    @Inject
    public PortalConfig(Config config) {
        this.config = config;
    }

    /** For CDI's proxy only. */
    protected PortalConfig() {
        this.config = null;
    }

    public PortalMode mode() {
        return PortalMode.parse(string("portal.mode").orElse("demo"));
    }

    public boolean demo() {
        return mode() == PortalMode.DEMO;
    }

    public int httpPort() {
        return config.getOptionalValue("portal.http.port", Integer.class).orElse(8080);
    }

    public Path dataDir() {
        return Path.of(string("portal.data-dir").orElse("./data")).toAbsolutePath().normalize();
    }

    public Optional<String> dbUrl() {
        return string("portal.db.url");
    }

    /**
     * The database to open: {@code portal.db.url}, or else the H2 file in the data directory. Production runs
     * on PostgreSQL; H2 there only when the operator says so, because a file database can't be shared by a
     * second instance, backed up while it runs, or restarted independently of the portal.
     */
    public String jdbcUrl() {
        String url = dbUrl().orElseGet(() -> Database.h2Url(dataDir()));
        if (!demo() && SupportedDatabase.forUrl(url) == SupportedDatabase.H2 && !allowH2InProduction()) {
            throw new IllegalStateException("Production mode runs on PostgreSQL: set portal.db.url (PORTAL_DB_URL) "
                    + "to a jdbc:postgresql: URL, with portal.db.user and portal.db.password (see docs/operations.md, "
                    + "\"PostgreSQL\"). To run production on the H2 file database anyway, set "
                    + "portal.db.allow-h2-in-production=true (PORTAL_DB_ALLOW_H2_IN_PRODUCTION).");
        }
        return url;
    }

    public boolean allowH2InProduction() {
        return config.getOptionalValue("portal.db.allow-h2-in-production", Boolean.class).orElse(false);
    }

    public Optional<String> dbUser() {
        return string("portal.db.user");
    }

    public Optional<String> dbPassword() {
        return string("portal.db.password");
    }

    public int dbPoolSize() {
        return config.getOptionalValue("portal.db.pool-size", Integer.class).orElse(10);
    }

    public Path keysetFile() {
        return string("portal.keyset.file").map(Path::of).orElse(dataDir().resolve("master-keyset.json"))
                .toAbsolutePath().normalize();
    }

    /** The keyed-hash secret (fingerprints, later the audit chain); beside the master keyset unless set. */
    public Path macKeysetFile() {
        return string("portal.mac-keyset.file").map(Path::of)
                .orElse(keysetFile().resolveSibling("mac-keyset.json")).toAbsolutePath().normalize();
    }

    /** Where the audit chains' checkpoints are written: outside the database, ideally on other storage. */
    public Path auditCheckpointDir() {
        return string("portal.audit.checkpoint-dir").map(Path::of).orElse(dataDir().resolve("audit-checkpoints"))
                .toAbsolutePath().normalize();
    }

    /** Days the system chain's entries are kept; 0 keeps them forever. Tenants set their own. */
    public int auditSystemRetentionDays() {
        return config.getOptionalValue("portal.audit.system-retention-days", Integer.class).orElse(0);
    }

    /** Whether this instance runs the hourly verification and retention jobs. */
    public boolean auditJobsEnabled() {
        return config.getOptionalValue("portal.audit.jobs.enabled", Boolean.class).orElse(true);
    }

    public Optional<String> demoPassword(String who) {
        return string("portal.demo." + who + "-password");
    }

    /** The operator's password at first start: portal.demo.operator-password in demo mode, else this. */
    public Optional<String> operatorInitialPassword() {
        return demo() ? demoPassword("operator") : string("portal.operator.initial-password");
    }

    public String operatorPasswordProperty() {
        return demo() ? "portal.demo.operator-password" : "portal.operator.initial-password";
    }

    /** Whether a failed start ends the JVM (right for Payara Micro; set false on a shared Payara Server). */
    public boolean exitOnStartupFailure() {
        return config.getOptionalValue("portal.exit-on-startup-failure", Boolean.class).orElse(true);
    }

    /**
     * Demo mode: the Mimeeq base URL of the demo tenant, where the Mimeeq sandbox answers. By default the sandbox
     * deployed beside the portal, on the HTTP port this server actually listens on ({@code payara.instance.http.port},
     * which Payara provides; {@code portal.http.port} elsewhere).
     */
    public String demoMimeeqBaseUrl() {
        return string("portal.demo.mimeeq-base-url").orElseGet(() -> "http://localhost:"
                + config.getOptionalValue("payara.instance.http.port", Integer.class).orElse(httpPort()) + "/sandbox");
    }

    public Duration mimeeqConnectTimeout() {
        return Duration.ofMillis(config.getOptionalValue("portal.mimeeq.connect-timeout-ms", Long.class).orElse(2000L));
    }

    public Duration mimeeqReadTimeout() {
        return Duration.ofMillis(config.getOptionalValue("portal.mimeeq.read-timeout-ms", Long.class).orElse(5000L));
    }

    public int mimeeqConcurrentCallsPerTenant() {
        return config.getOptionalValue("portal.mimeeq.concurrent-calls-per-tenant", Integer.class).orElse(4);
    }

    /** How long a tenant's call waits for one of its slots before it answers "busy". */
    public Duration mimeeqQueueWait() {
        return Duration.ofMillis(config.getOptionalValue("portal.mimeeq.queue-wait-ms", Long.class).orElse(2000L));
    }

    /** How many of a tenant's calls may wait for a slot at once; the next one is "busy" at once. */
    public int mimeeqQueueMaxWaiting() {
        return config.getOptionalValue("portal.mimeeq.queue-max-waiting", Integer.class).orElse(32);
    }

    /** The last calls of a tenant over which its circuit breaker takes the failure rate. */
    public int mimeeqBreakerWindow() {
        return config.getOptionalValue("portal.mimeeq.breaker.window", Integer.class).orElse(10);
    }

    /** Calls a tenant's breaker must have seen before it may open. */
    public int mimeeqBreakerMinimumCalls() {
        return config.getOptionalValue("portal.mimeeq.breaker.minimum-calls", Integer.class).orElse(5);
    }

    public int mimeeqBreakerFailurePercent() {
        return config.getOptionalValue("portal.mimeeq.breaker.failure-percent", Integer.class).orElse(60);
    }

    /** How long an open breaker refuses the tenant's calls before it lets trial calls through. */
    public Duration mimeeqBreakerOpen() {
        return Duration.ofMillis(config.getOptionalValue("portal.mimeeq.breaker.open-ms", Long.class).orElse(10_000L));
    }

    public int mimeeqBreakerTrialCalls() {
        return config.getOptionalValue("portal.mimeeq.breaker.trial-calls", Integer.class).orElse(2);
    }

    /** How long a tenant waits after a 429 that came without a usable Retry-After. */
    public Duration mimeeqDefaultRetryAfter() {
        return Duration.ofSeconds(config.getOptionalValue("portal.mimeeq.default-retry-after-seconds", Long.class).orElse(5L));
    }

    public Duration catalogCacheTtl() {
        return Duration.ofSeconds(config.getOptionalValue("portal.catalog.cache-ttl-seconds", Long.class).orElse(300L));
    }

    /** How long a request waits for the tenant's catalog fetch that another request already started. */
    public Duration catalogRefreshWait() {
        return Duration.ofMillis(config.getOptionalValue("portal.catalog.refresh-wait-ms", Long.class).orElse(20_000L));
    }

    /** The first lockout after repeated failed sign-ins; each further one doubles it, up to an hour. */
    public Duration loginLockoutBase() {
        return Duration.ofSeconds(config.getOptionalValue("portal.login.lockout-base-seconds", Long.class).orElse(60L));
    }

    /** A signed-in session ends after this long without a request. */
    public Duration sessionIdle() {
        return Duration.ofMinutes(config.getOptionalValue("portal.session.idle-minutes", Long.class).orElse(30L));
    }

    /** A signed-in session ends this long after sign-in, however busy it is. */
    public Duration sessionAbsolute() {
        return Duration.ofHours(config.getOptionalValue("portal.session.absolute-hours", Long.class).orElse(12L));
    }

    private Optional<String> string(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }
}
