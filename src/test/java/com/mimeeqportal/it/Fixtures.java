package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the integration tests share: the built WAR (the real thing, not a test assembly), the demo
 * passwords given to the server in arquillian.xml, and ways to set up a tenant of one's own through
 * the portal's pages as an operator would.
 */
public final class Fixtures {

    /** Must match the -Dportal.demo.*-password options in arquillian.xml. */
    static final String OPERATOR_PASSWORD = "it-operator-Passw0rd";
    static final String ADMIN_PASSWORD = "it-admin-Passw0rd";
    static final String SALES_PASSWORD = "it-sales-Passw0rd";

    private Fixtures() {
    }

    public static WebArchive portalWar() {
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("portal.war", "target/portal.war")))
                .as(WebArchive.class);
    }

    static Path itDir() {
        return Path.of(System.getProperty("it.dir", "target/it"));
    }

    public static URI uri(URL base) {
        return URI.create(base.toExternalForm().endsWith("/") ? base.toExternalForm() : base.toExternalForm() + "/");
    }

    /** A tenant created by the operator, with its first admin's one-time password. */
    record NewTenant(String name, String adminUsername, String adminPassword) {
    }

    static NewTenant createTenant(URI base, String mimeeqBaseUrl) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "IT Tenant " + suffix;
        String admin = "admin-" + suffix + "@it.example";
        PortalClient operator = new PortalClient(base);
        operator.signIn("operator", OPERATOR_PASSWORD);
        PortalClient.Page created = operator.submit("/operator/tenants", "/operator/tenants",
                Map.of("name", name, "baseUrl", mimeeqBaseUrl, "adminUsername", admin));
        assertEquals(201, created.status(), created.text());
        String password = created.html().select("code.one-time-password").text();
        assertFalse(password.isBlank(), "the one-time password is shown once");
        return new NewTenant(name, admin, ownPassword(base, admin, password));
    }

    /**
     * Signs in with a one-time password and replaces it, as its owner must before any other page; returns the
     * new password.
     */
    static String ownPassword(URI base, String username, String oneTimePassword) {
        String own = "own-" + UUID.randomUUID().toString().substring(0, 13) + "-ledger";
        PortalClient client = new PortalClient(base);
        client.signIn(username, oneTimePassword);
        PortalClient.Page changed = client.submit("/account/password", "/account/password", Map.of(
                "currentPassword", oneTimePassword, "newPassword", own, "confirmPassword", own));
        assertEquals(302, changed.status(), changed.text());
        return own;
    }

    static PortalClient signedIn(URI base, String username, String password) {
        PortalClient client = new PortalClient(base);
        client.signIn(username, password);
        return client;
    }

    /**
     * The Mimeeq sandbox, as a tenant's Mimeeq base URL: sandbox.war, deployed on the same server as the portal
     * (arquillian.xml), at {@code /sandbox}. On loopback, where its admin hooks answer.
     */
    public static String sandboxUrl(URI base) {
        return "http://127.0.0.1:" + base.getPort() + "/sandbox";
    }

    /** The key of a sandbox account, read from the sandbox's admin hook as a customer reads it in Mimeeq. */
    static String sandboxKey(URI base, String account) {
        // The sandbox's admin hook answers loopback callers only; the test runs on the same machine.
        PortalClient.Page answer = new PortalClient(URI.create(sandboxUrl(base) + "/"))
                .get("/_admin/accounts/" + account + "/key");
        assertEquals(200, answer.status(), answer.body());
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject().getString("apiKey");
        }
    }

    static void setKey(PortalClient admin, String key) {
        PortalClient.Page saved = admin.submit("/admin/api-key", "/admin/api-key", Map.of("apiKey", key));
        assertEquals(302, saved.status(), saved.text());
    }

    /** Deletes {@code root} and everything under it; nothing if it is not there. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
