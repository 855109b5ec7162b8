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

    /**
     * The port this server actually listens on: Payara's {@code payara.instance.http.port} (its {@code --port},
     * or the one it chose), {@code portal.http.port} on a server that doesn't say.
     */
    public int listeningPort() {
        return config.getOptionalValue("payara.instance.http.port", Integer.class).orElse(httpPort());
    }

    public int httpPort() {
        return config.getOptionalValue("portal.http.port", Integer.class).orElse(8080);
    }

    public Path dataDir() {
        return Path.of(string("portal.data-dir").orElse("./data")).toAbsolutePath().normalize();
    }

    /** Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: addresses or CIDR blocks, comma-separated. */
    public String trustedProxies() {
        return string("portal.http.trusted-proxies").orElse("");
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
        if (clusterEnabled() && SupportedDatabase.forUrl(url) == SupportedDatabase.H2) {
            throw new IllegalStateException("Cluster mode (portal.cluster.enabled=true) needs one PostgreSQL database "
                    + "that every instance shares: the H2 file database belongs to one process and can't be shared. "
                    + "Set portal.db.url (PORTAL_DB_URL) to a jdbc:postgresql: URL (see docs/clustering.md), or set "
                    + "portal.cluster.enabled=false for a single instance.");
        }
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

    /** When the hourly verification of every audit chain runs; see {@link JobSchedule}. */
    public JobSchedule auditVerifySchedule() {
        return JobSchedule.parse(string("portal.audit.jobs.verify-schedule").orElse("0 7 *"),
                "portal.audit.jobs.verify-schedule");
    }

    /** When the hourly retention purge runs; see {@link JobSchedule}. */
    public JobSchedule auditPurgeSchedule() {
        return JobSchedule.parse(string("portal.audit.jobs.purge-schedule").orElse("0 37 *"),
                "portal.audit.jobs.purge-schedule");
    }

    /**
     * Cluster mode: several instances over one PostgreSQL, joined by Payara Micro's data grid (docs/clustering.md).
     * Off by default: one instance, started with {@code --nohazelcast}.
     */
    public boolean clusterEnabled() {
        return config.getOptionalValue("portal.cluster.enabled", Boolean.class).orElse(false);
    }

    /**
     * How long a lease on once-per-cluster work (the keyset re-encryption) lasts unless renewed: the longest an
     * instance that died holds it up before another takes over.
     */
    public Duration clusterLease() {
        int seconds = config.getOptionalValue("portal.cluster.lease-seconds", Integer.class).orElse(30);
        if (seconds < 3 || seconds > 3600) {
            throw new IllegalStateException("portal.cluster.lease-seconds must be 3 to 3600; it is " + seconds);
        }
        return Duration.ofSeconds(seconds);
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
                + listeningPort() + "/sandbox");
    }

    public Duration mimeeqConnectTimeout() {
        return millis("portal.mimeeq.connect-timeout-ms", 2000);
    }

    /**
     * The most one attempt of a Mimeeq call may take, answer read whole: a backstop above the connect and read
     * timeouts, for an upstream that trickles its answer.
     */
    public Duration mimeeqCallTimeout() {
        long millis = config.getOptionalValue("portal.mimeeq.call-timeout-ms", Long.class).orElse(15_000L);
        if (millis < 1) {
            throw new IllegalStateException("portal.mimeeq.call-timeout-ms must be positive");
        }
        return Duration.ofMillis(millis);
    }

    /** How often a failed GET to Mimeeq (a 5xx or a timeout) is tried again; see docs/configuration.md. */
    public int mimeeqRetries() {
        return config.getOptionalValue("portal.mimeeq.retries", Integer.class).orElse(2);
    }

    public Duration mimeeqRetryDelay() {
        return millis("portal.mimeeq.retry-delay-ms", 150);
    }

    public Duration mimeeqRetryJitter() {
        return millis("portal.mimeeq.retry-jitter-ms", 100);
    }

    public Duration mimeeqRetryMaxDuration() {
        return millis("portal.mimeeq.retry-max-duration-ms", 30_000);
    }

    private Duration millis(String property, long fallback) {
        return Duration.ofMillis(config.getOptionalValue(property, Long.class).orElse(fallback));
    }

    public Duration mimeeqReadTimeout() {
        return millis("portal.mimeeq.read-timeout-ms", 5000);
    }

    /** Production: whether a tenant's Mimeeq base URL may be plain http (the API key travels in a header). */
    public boolean mimeeqAllowHttp() {
        return config.getOptionalValue("portal.mimeeq.allow-http", Boolean.class).orElse(false);
    }

    /** The largest answer body read from Mimeeq; a longer one is a malformed answer. */
    public int mimeeqMaxResponseBytes() {
        int bytes = config.getOptionalValue("portal.mimeeq.max-response-bytes", Integer.class).orElse(5 * 1024 * 1024);
        if (bytes < 1024) {
            throw new IllegalStateException("portal.mimeeq.max-response-bytes must be at least 1024");
        }
        return bytes;
    }

    public int mimeeqConcurrentCallsPerTenant() {
        return config.getOptionalValue("portal.mimeeq.concurrent-calls-per-tenant", Integer.class).orElse(4);
    }

    /** How long a tenant's call waits for one of its slots before it answers "busy". */
    public Duration mimeeqQueueWait() {
        return millis("portal.mimeeq.queue-wait-ms", 2000);
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
        return millis("portal.mimeeq.breaker.open-ms", 10_000);
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
        return millis("portal.catalog.refresh-wait-ms", 20_000);
    }

    /** The first lockout after repeated failed sign-ins; each further one doubles it, up to an hour. */
    public Duration loginLockoutBase() {
        return Duration.ofSeconds(config.getOptionalValue("portal.login.lockout-base-seconds", Long.class).orElse(60L));
    }

    /**
     * Failed sign-ins one client address may make per minute before it gets 429 without a password being
     * hashed. A successful sign-in gives its attempt back, so only failures use it up.
     */
    public int loginRatePerClientPerMinute() {
        return positive("portal.login.rate.per-client-per-minute", 20);
    }

    /**
     * How long the answer to a sign-in refused by the rate limits is held back before it is sent (no thread
     * waits meanwhile). 0 sends it at once.
     */
    public Duration loginRefusalDelay() {
        long millis = config.getOptionalValue("portal.login.refusal-delay-ms", Long.class).orElse(1_000L);
        if (millis < 0 || millis > 10_000) {
            throw new IllegalArgumentException("portal.login.refusal-delay-ms must be between 0 and 10000, not " + millis);
        }
        return Duration.ofMillis(millis);
    }

    /** Failed sign-ins per minute over all clients together: the ceiling on PBKDF2 work a flood can cause. */
    public int loginRateGlobalPerMinute() {
        return positive("portal.login.rate.global-per-minute", 120);
    }

    /**
     * Audit retention floor: no tenant keeps its log for fewer days than this. Account admins can only
     * lengthen their tenant's retention, never shorten it below the floor.
     */
    public int auditRetentionFloorDays() {
        return positive("portal.audit.retention-floor-days", 365);
    }

    /** Exports one tenant may stream at the same time; the next one is refused at once. */
    public int auditExportsPerTenant() {
        return positive("portal.audit.export.concurrent-per-tenant", 2);
    }

    /** The longest an export may stream before it is cut off (a slow reader holds a thread meanwhile). */
    public Duration auditExportMaxDuration() {
        return Duration.ofSeconds(positive("portal.audit.export.max-seconds", 300));
    }

    /** A signed-in session ends after this long without a request. */
    public Duration sessionIdle() {
        return Duration.ofMinutes(config.getOptionalValue("portal.session.idle-minutes", Long.class).orElse(30L));
    }

    /** A signed-in session ends this long after sign-in, however busy it is. */
    public Duration sessionAbsolute() {
        return Duration.ofHours(config.getOptionalValue("portal.session.absolute-hours", Long.class).orElse(12L));
    }

    private int positive(String name, int fallback) {
        int value = config.getOptionalValue(name, Integer.class).orElse(fallback);
        if (value <= 0) {
            throw new IllegalStateException(name + " must be a positive whole number, not " + value);
        }
        return value;
    }

    private Optional<String> string(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }
}
