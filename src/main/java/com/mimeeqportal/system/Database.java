package com.mimeeqportal.system;

import com.mimeeqportal.identity.TenantId;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * The portal's one database: a pooled DataSource, Flyway migrations, and a Hibernate SessionFactory.
 *
 * <p>Hibernate is bootstrapped here rather than through a container persistence unit so that the
 * database URL can be derived from {@code portal.data-dir} at run time and so that every unit of work
 * names its tenant explicitly: {@link #inTenant} opens a session bound to one tenant, and Hibernate's
 * {@code @TenantId} filters and stamps every tenant-owned entity in it. {@link #asSystem} is the root
 * view used only for sign-in lookups, operator work and seeding.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final HikariDataSource dataSource;
    /** Where {@link #rehearseInTenant} gets its connections: the same pool, except on H2 (see {@link #open}). */
    private final HikariDataSource rehearsals;
    private final KeptStatements keptStatements;
    private final SessionFactory sessionFactory;
    private final SqlExceptionHelper sqlExceptions;

    private Database(HikariDataSource dataSource, HikariDataSource rehearsals, KeptStatements keptStatements,
                     SessionFactory sessionFactory) {
        this.dataSource = dataSource;
        this.rehearsals = rehearsals;
        this.keptStatements = keptStatements;
        this.sessionFactory = sessionFactory;
        this.sqlExceptions = sessionFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getSqlExceptionHelper();
    }

    /** How long a request waits for a pooled connection before it fails (and the page says the database is down). */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(5);
    private static final int H2_DATABASE_IS_CLOSED = 90098;

    /** Where tenants of the old built-in sandbox go when nothing else says (the demo's default address). */
    public static final String DEFAULT_SANDBOX_BASE_URL = "http://localhost:8080/sandbox";

    /** Opens the pool, migrates the schema and builds the session factory. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize, List<Class<?>> entities) {
        return open(jdbcUrl, user, password, poolSize, entities, DEFAULT_SANDBOX_BASE_URL);
    }

    /**
     * As {@link #open(String, String, String, int, List)}; {@code legacySandboxBaseUrl} is where migration V7 points
     * tenants that still name the sandbox that used to be built into the portal.
     *
     * <p>On H2, rehearsals get a pool of their own, as large as the main one. A rollback empties H2's cache of
     * parsed statements on that connection, and every Mimeeq call ends its rehearsal with one: sharing the pool,
     * the session check, the audit append and everything else that next ran on that connection was parsed again,
     * a tenth of a lookup page's work in a profile (docs/performance.md). The rehearsal's own statements are kept
     * prepared ({@link #keptStatements}). PostgreSQL keeps its prepared statements across rollbacks, so there one
     * pool does.
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize, List<Class<?>> entities,
                                String legacySandboxBaseUrl) {
        HikariDataSource dataSource = pool(jdbcUrl, user, password, poolSize, "portal");
        HikariDataSource rehearsals = dataSource;
        try {
            migrate(dataSource, legacySandboxBaseUrl);
            boolean forgetsParsed = SupportedDatabase.forUrl(jdbcUrl).rollbackForgetsParsedStatements();
            if (forgetsParsed) {
                rehearsals = pool(jdbcUrl, user, password, poolSize, "portal-rehearsals");
            }
            return new Database(dataSource, rehearsals, new KeptStatements(forgetsParsed),
                    sessionFactory(dataSource, entities));
        } catch (RuntimeException e) {
            if (rehearsals != dataSource) {
                rehearsals.close();
            }
            dataSource.close();
            throw e;
        }
    }

    /** The embedded default: an H2 file database in the data directory. */
    public static String h2Url(Path dataDir) {
        try {
            if (!Files.isDirectory(dataDir)) {
                // Owner-only: the database, the demo keysets and the sandbox's keys live here.
                Files.createDirectories(dataDir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        return "jdbc:h2:file:" + dataDir.resolve("portal") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password, int poolSize, String name) {
        HikariConfig config = new HikariConfig();
        // The driver's own DataSource, never DriverManager: see SupportedDatabase.
        SupportedDatabase database = SupportedDatabase.forUrl(jdbcUrl);
        config.setDataSourceClassName(database.dataSourceClassName());
        config.addDataSourceProperty("url", jdbcUrl);
        database.dataSourceProperties().forEach(config::addDataSourceProperty);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName(name);
        config.setAutoCommit(false);
        // Hikari's default is 30 s: with the database gone, every page would hang that long before its 503.
        config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        return new HikariDataSource(config);
    }

    private static void migrate(DataSource dataSource, String legacySandboxBaseUrl) {
        var result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("legacy_sandbox_base_url", legacySandboxBaseUrl.replace("'", "''")))
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    private static SessionFactory sessionFactory(DataSource dataSource, List<Class<?>> entities) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("portal")
                .managedClasses(entities)
                .property("hibernate.connection.datasource", dataSource)
                .property("hibernate.hbm2ddl.auto", "none")
                .property("hibernate.tenant_identifier_resolver", new ExplicitTenantOnly())
                // The byte-code enhancer breaks class loading inside Payara (ClassCircularityError at deploy).
                .property("hibernate.enhancer.enableDirtyTracking", "false")
                .property("hibernate.enhancer.enableLazyInitialization", "false")
                .property("hibernate.enhancer.enableAssociationManagement", "false")
                .property("hibernate.jdbc.time_zone", "UTC")
                .property("hibernate.connection.provider_disables_autocommit", "true");
        // Straight to Hibernate's provider: Persistence's provider lookup would pick Payara's EclipseLink.
        return new HibernatePersistenceProvider().createEntityManagerFactory(configuration).unwrap(SessionFactory.class);
    }

    /** Runs one transaction in which only {@code tenant}'s rows exist. */
    public <T> T inTenant(TenantId tenant, Function<Session, T> work) {
        return inSession(tenant.value(), work);
    }

    public void runInTenant(TenantId tenant, Consumer<Session> work) {
        inSession(tenant.value(), session -> {
            work.accept(session);
            return null;
        });
    }

    /**
     * Runs {@code work} in a tenant-bound transaction that is always rolled back: a rehearsal, so a caller
     * can learn that a write would fail (the database is gone, a trigger refuses it) before acting.
     */
    public void rehearseInTenant(TenantId tenant, Consumer<Session> work) {
        rehearseInTenant(tenant, session -> {
            work.accept(session);
            return null;
        });
    }

    /** As above, returning what {@code work} read on the way (in the same transaction, so one round trip). */
    public <T> T rehearseInTenant(TenantId tenant, Function<Session, T> work) {
        try (Connection connection = rehearsalConnection();
             Session session = sessionFactory.withOptions().tenantIdentifier(tenant.value()).connection(connection)
                     .openSession()) {
            Transaction transaction = session.beginTransaction();
            T result;
            try {
                result = work.apply(session);
                session.flush();
            } catch (RuntimeException | Error e) {
                rollBack(transaction, e);
                throw e;
            }
            transaction.rollback();
            return result;
        } catch (SQLException closing) {
            throw sqlExceptions.convert(closing, "A rehearsal's connection could not be given back");
        }
    }

    private Connection rehearsalConnection() {
        try {
            return rehearsals.getConnection();
        } catch (SQLException e) {
            throw sqlExceptions.convert(e, "No connection for a rehearsal");
        }
    }

    /**
     * Rolls back after {@code failure}. With the database gone the rollback fails too; its exception is kept
     * as suppressed, so the caller (and the error page, which tells an outage from a bug) sees the cause.
     */
    private static void rollBack(Transaction transaction, Throwable failure) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    /** Runs one transaction that sees every tenant's rows. Only for sign-in, operator work and seeding. */
    public <T> T asSystem(Function<Session, T> work) {
        return inSession(TenantId.SYSTEM.value(), work);
    }

    /**
     * Runs {@code work} in plain JDBC on a pooled connection, in a transaction that is committed (it only reads;
     * a rollback would also empty H2's cache of parsed statements). No tenant filter applies: like
     * {@link #asSystem}, only for what must see any tenant's rows. For the check before every signed-in page,
     * where opening a Hibernate session cost more than the query. Failures come out as Hibernate's exceptions,
     * as from the other methods, so an outage is told from a bug the same way.
     */
    public <T> T readPlainAsSystem(PlainRead<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                T result = work.read(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw sqlExceptions.convert(e, "A plain read failed");
        }
    }

    /** Plain JDBC work for {@link #readPlainAsSystem}. */
    @FunctionalInterface
    public interface PlainRead<T> {
        T read(Connection connection) throws SQLException;
    }

    /**
     * Runs one read-only transaction in a stateless session of {@code tenant}: nothing read is kept in
     * a persistence context, so results can be streamed (exports) without memory growing with them.
     */
    public <T> T streamInTenant(TenantId tenant, Function<StatelessSession, T> work) {
        try (StatelessSession session = sessionFactory.withStatelessOptions().tenantIdentifier(tenant.value())
                .readOnly(true).openStatelessSession()) {
            Transaction transaction = session.beginTransaction();
            try {
                return work.apply(session);
            } finally {
                // Read-only: nothing to commit, and a rollback also ends a half-read cursor at once.
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        }
    }

    private <T> T inSession(String tenant, Function<Session, T> work) {
        try (Session session = sessionFactory.withOptions().tenantIdentifier(tenant).openSession()) {
            Transaction transaction = session.beginTransaction();
            try {
                T result = work.apply(session);
                transaction.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollBack(transaction, e);
                throw e;
            }
        }
    }

    /**
     * Whether the database answers a real query now, within {@code timeout}: a pooled connection alone says
     * nothing (H2 keeps handing out connections to a database it has closed after an OutOfMemoryError).
     */
    public Health health(Duration timeout) {
        if (dataSource.isClosed() || sessionFactory.isClosed()) {
            return Health.BROKEN;
        }
        CompletableFuture<Health> check = new CompletableFuture<>();
        Thread.ofVirtual().name("database-health").start(() -> check.complete(selectOne(timeout)));
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | ExecutionException e) {
            return Health.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.UNREACHABLE;
        }
    }

    private Health selectOne(Duration timeout) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                return result.next() ? Health.UP : Health.UNREACHABLE;
            }
        } catch (SQLException e) {
            // H2's "database is closed" (90098) is for good: only a restart opens the file again.
            return e.getErrorCode() == H2_DATABASE_IS_CLOSED ? Health.BROKEN : Health.UNREACHABLE;
        } catch (RuntimeException e) {
            return Health.UNREACHABLE;
        }
    }

    /**
     * Whether {@code failure} says the database could not be reached or used at all (no connection within the
     * pool's wait, a refused or broken connection, a server shutting down, H2 closed), rather than a query
     * that was wrong: such a request gets "database unavailable" (503), not "something went wrong" (500).
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed != t && isUnavailable(suppressed)) {
                    return true;
                }
            }
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == H2_DATABASE_IS_CLOSED
                    || sql.getSQLState() != null && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))) {
                return true;
            }
        }
        return false;
    }

    /** UP; UNREACHABLE may pass (a PostgreSQL restart); BROKEN needs a restart of the portal. */
    public enum Health { UP, UNREACHABLE, BROKEN }

    /** Where the audit's plain JDBC gets the statements it runs on every write. */
    public KeptStatements keptStatements() {
        return keptStatements;
    }

    /** Plain JDBC for the checks that must look below Hibernate (tests scanning every table). */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        sessionFactory.close();
        if (rehearsals != dataSource) {
            rehearsals.close();
        }
        dataSource.close();
    }

    /**
     * Sessions are only opened by this class, always naming their tenant. Hibernate still asks for a
     * default when a session builder is created; the answer is a tenant that owns nothing, so a session
     * that somehow did not name its tenant would see no one's data. The system tenant is Hibernate's
     * "root": it sees all.
     */
    private static final class ExplicitTenantOnly implements CurrentTenantIdentifierResolver<String> {
        private static final String NOBODY = "no-tenant";

        @Override
        public String resolveCurrentTenantIdentifier() {
            return NOBODY;
        }

        @Override
        public boolean validateExistingCurrentSessions() {
            return false;
        }

        @Override
        public boolean isRoot(String tenantId) {
            return TenantId.SYSTEM.value().equals(tenantId);
        }
    }
}
