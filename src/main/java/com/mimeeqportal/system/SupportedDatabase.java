package com.mimeeqportal.system;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The databases the portal supports, told apart by the JDBC URL's subprotocol, each with its driver's own
 * {@code DataSource} class.
 *
 * <p>The pool is built from that class rather than from a bare JDBC URL: given only a URL, HikariCP asks
 * {@code DriverManager}, which inside a container hands out only the drivers its caller's class loader can
 * see, so a driver in the WAR's {@code WEB-INF/lib} is "not suitable" for a URL it plainly accepts. (H2
 * seemed to work only because Payara ships its own H2 on the server's class path.)
 */
public enum SupportedDatabase {
    // A batch of inserts goes as one multi-row insert: the audit log's group commit writes its entries so.
    POSTGRESQL("jdbc:postgresql:", "org.postgresql.ds.PGSimpleDataSource", Map.of("reWriteBatchedInserts", "true"),
            false),
    H2("jdbc:h2:", "org.h2.jdbcx.JdbcDataSource", Map.of(), true);

    private final String urlPrefix;
    private final String dataSourceClassName;
    private final Map<String, String> dataSourceProperties;
    private final boolean rollbackForgetsParsedStatements;

    SupportedDatabase(String urlPrefix, String dataSourceClassName, Map<String, String> dataSourceProperties,
                      boolean rollbackForgetsParsedStatements) {
        this.urlPrefix = urlPrefix;
        this.dataSourceClassName = dataSourceClassName;
        this.dataSourceProperties = dataSourceProperties;
        this.rollbackForgetsParsedStatements = rollbackForgetsParsedStatements;
    }

    /** The database {@code jdbcUrl} names; a clear start-up failure for one the portal doesn't support. */
    public static SupportedDatabase forUrl(String jdbcUrl) {
        return Arrays.stream(values()).filter(database -> jdbcUrl.startsWith(database.urlPrefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("portal.db.url must start with "
                        + Arrays.stream(values()).map(d -> d.urlPrefix).collect(Collectors.joining(" or "))
                        // The URL itself is not repeated: an operator may have put a password in it.
                        + "; those are the databases the portal supports"));
    }

    /** The driver's {@code DataSource}, which takes the JDBC URL as its {@code url} property. */
    public String dataSourceClassName() {
        return dataSourceClassName;
    }

    /**
     * Whether a rollback empties the connection's cache of parsed statements (H2's {@code SessionLocal} does, as
     * a query result it may have cached could hold the rolled-back data; it never keeps a {@code select … for
     * update} parsed either). Such a database gets a pool of its own for the audit's rehearsals, which end in a
     * rollback, and keeps the statements of every audit write prepared on their connection ({@link
     * KeptStatements}). PostgreSQL's driver keeps its prepared statements across rollbacks itself.
     */
    public boolean rollbackForgetsParsedStatements() {
        return rollbackForgetsParsedStatements;
    }

    /** Driver settings the portal relies on, beyond the URL. */
    public Map<String, String> dataSourceProperties() {
        return dataSourceProperties;
    }
}
