package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.ApiKey;
import com.mimeeqportal.apikey.KeyVault;
import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.identity.TenantId;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the built WAR in one cluster, started as docs/clustering.md says (its command and environment
 * block, on 127.0.0.1 with free ports), over one PostgreSQL, each with the Mimeeq sandbox beside it. The tenant's
 * Mimeeq is B's sandbox, so that it outlives A. One test, in the order the claims need: A is killed near the end.
 */
class ClusterIT {

    private static final String ACCOUNT = "acme-office";
    private static final Pattern VERIFIED = Pattern.compile("Verified up to entry #(\\d+)");
    /** Tenant keys the re-encryption has to move: enough that it is still running when A is killed. */
    private static final int BULK_KEYS = 1500;

    static ProductionPortal install;
    static PayaraMicroProcess a;
    static PayaraMicroProcess b;
    static int gridA;
    static int gridB;

    @BeforeAll
    static void startCluster() {
        install = ProductionPortal.prepare("cluster");
        gridA = PayaraMicroProcess.freePort();
        gridB = PayaraMicroProcess.freePort();
        int portA = PayaraMicroProcess.freePort();
        int portB = PayaraMicroProcess.freePort();
        // Both at once, as docs/clustering.md allows: Flyway and the operator's creation cope with the race.
        a = start("a", portA, gridA);
        b = start("b", portB, gridB);
        a.awaitOk("/health/ready");
        b.awaitOk("/health/ready");
        a.awaitOk("/login");
        b.awaitOk("/login");
    }

    private static PayaraMicroProcess start(String name, int port, int gridPort) {
        List<String> command = new ArrayList<>(install.clusterStartCommand(port, gridPort, List.of(gridA, gridB)));
        // The cluster's pre-boot file (sessions in the grid, not only in memory), the OpenAPI switch, and this test's Mimeeq (the sandbox) beside the portal.
        command.add(1, "-Dsandbox.data-dir=" + install.work().resolve("sandbox-" + name));
        command.addAll(List.of("--prebootcommandfile",
                Path.of("src/main/payara/pre-boot-commands-cluster.asadmin").toAbsolutePath().toString(),
                "--deploy", PayaraMicroProcess.sandboxWar().toString()));
        Map<String, String> environment = new java.util.LinkedHashMap<>(install.clusterEnvironment());
        environment.put("PORTAL_OPERATOR_INITIAL_PASSWORD", Fixtures.OPERATOR_PASSWORD);
        // Short enough for a test: a dead runner's lease runs out in 3 s; the hourly job fires every 5 s.
        environment.put("PORTAL_CLUSTER_LEASE_SECONDS", "3");
        environment.put("PORTAL_AUDIT_JOBS_VERIFY_SCHEDULE", "*/5 * *");
        return PayaraMicroProcess.start(command, environment, port, install.work().resolve(name + ".log"));
    }

    @AfterAll
    static void stop() throws IOException {
        for (PayaraMicroProcess instance : new PayaraMicroProcess[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (install != null) {
            install.close();
        }
    }

    @Test
    void twoInstancesServeOnePortal() throws Exception {
        assertTrue(a.log().contains("2 members in the data grid") || b.log().contains("2 members in the data grid"),
                "the second instance to start found the first:\n" + b.log());
        assertGridOnLoopbackOnly();

        SandboxAdmin sandbox = new SandboxAdmin(b.base());
        Fixtures.NewTenant tenant = Fixtures.createTenant(a.base(), Fixtures.sandboxUrl(b.base()));
        PortalClient adminOnA = Fixtures.signedIn(a.base(), tenant.adminUsername(), tenant.adminPassword());
        Fixtures.setKey(adminOnA, sandbox.key(ACCOUNT));
        PortalClient adminOnB = Fixtures.signedIn(b.base(), tenant.adminUsername(), tenant.adminPassword());

        aKeyChangeThroughAIsUsedByB(sandbox, adminOnA, adminOnB);
        aRateLimitSeenByAKeepsBWaiting(sandbox, adminOnA, adminOnB);
        bothInstancesAuditingTheSameChainsLeaveThemIntact(tenant, adminOnA, adminOnB);

        // Signed in through A; after A is killed the session goes on through B (and so do its CSRF tokens).
        PortalClient operatorOnA = Fixtures.signedIn(a.base(), "operator", Fixtures.OPERATOR_PASSWORD);
        aRotationInterruptedByKillingAIsCompletedByB(operatorOnA);
        theSessionChecksHoldOnBForSessionsThatAStarted(tenant, adminOnA, operatorOnA);

        theHourlyJobTriggeredOnBothRanOncePerTime();
    }

    /** B caches the catalog; the key changes through A; B's next catalog page calls Mimeeq with the new key. */
    private static void aKeyChangeThroughAIsUsedByB(SandboxAdmin sandbox, PortalClient adminOnA, PortalClient adminOnB) {
        assertEquals(200, adminOnB.get("/catalog").status());
        int cached = sandbox.requests(ACCOUNT);
        assertEquals(200, adminOnB.get("/catalog").status());
        assertEquals(cached, sandbox.requests(ACCOUNT), "B serves its cached catalog without calling Mimeeq");

        String newKey = sandbox.regenerateKey(ACCOUNT);
        Fixtures.setKey(adminOnA, newKey);
        PortalClient.Page catalog = adminOnB.get("/catalog");
        assertEquals(200, catalog.status(), "B calls with the new key (the old one gets 401): " + catalog.text());
        assertEquals(cached + 1, sandbox.requests(ACCOUNT), "B dropped its cached list and fetched it again");
    }

    /** A gets a 429 with Retry-After; B then refuses the tenant's Mimeeq pages without calling, until the wait ends. */
    private static void aRateLimitSeenByAKeepsBWaiting(SandboxAdmin sandbox, PortalClient adminOnA, PortalClient adminOnB)
            throws InterruptedException {
        sandbox.faults(ACCOUNT, "{\"failNext\":[429],\"retryAfterSeconds\":3}");
        PortalClient.Page limited = adminOnA.get("/products/lookup?code=ZZZZZ1");
        Instant seen = Instant.now();
        assertEquals(503, limited.status(), limited.text());
        int calls = sandbox.requests(ACCOUNT);
        PortalClient.Page waiting = adminOnB.get("/products/lookup?code=ZZZZZ1");
        assertEquals(503, waiting.status(), "B waits too: " + waiting.text());
        assertNotNull(waiting.header("Retry-After"), "B says how long");
        assertEquals(calls, sandbox.requests(ACCOUNT), "B did not call Mimeeq while the tenant waits");
        sandbox.clearFaults(ACCOUNT);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), seen.plusMillis(3_300)).toMillis()));
        PortalClient.Page after = adminOnB.get("/products/lookup?code=ZZZZZ1");
        assertTrue(after.status() != 503, "the wait is over: " + after.status() + " " + after.text());
        assertEquals(calls + 1, sandbox.requests(ACCOUNT), "B calls again once the wait is over");
    }

    /** Both instances append to the tenant's chain and the system chain at once; every chain still verifies. */
    private static void bothInstancesAuditingTheSameChainsLeaveThemIntact(Fixtures.NewTenant tenant, PortalClient adminOnA,
                                                                         PortalClient adminOnB) throws Exception {
        long before = verified(adminOnA, "/admin/audit/verify");
        List<CompletableFuture<Void>> work = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PortalClient client : List.of(adminOnA, adminOnB, adminOnA, adminOnB)) {
                work.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 8; i++) {
                        client.get("/products/lookup?code=ZZZZZ" + i);
                    }
                }, threads));
            }
            for (PayaraMicroProcess instance : List.of(a, b, a, b)) {
                // Sign-ins of the operator: the system chain, from both instances at once.
                work.add(CompletableFuture.runAsync(() -> Fixtures.signedIn(instance.base(), "operator",
                        Fixtures.OPERATOR_PASSWORD), threads));
            }
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        }
        // "Verify now" (the form's POST) walks the chain; a page view may show the instance's last result.
        long after = verifiedNow(adminOnB, "/admin/audit/verify");
        assertTrue(after >= before + 32, "32 calls audited, chain verified through B: " + before + " → " + after);
        assertTrue(verifiedNow(adminOnA, "/admin/audit/verify") > after, "and through A, B's verification included");
        verifiedNow(Fixtures.signedIn(b.base(), "operator", Fixtures.OPERATOR_PASSWORD), "/operator/audit/verify");
        verifiedNow(Fixtures.signedIn(a.base(), "operator", Fixtures.OPERATOR_PASSWORD), "/operator/audit/verify");
        try (Connection db = install.connect(); PreparedStatement gaps = db.prepareStatement(
                "select count(*), count(distinct seq), max(seq) from audit_event where tenant_id in "
                        + "(select id from tenant where name = ?)")) {
            gaps.setString(1, tenant.name());
            try (ResultSet row = gaps.executeQuery()) {
                row.next();
                assertEquals(row.getLong(1), row.getLong(2), "no sequence number twice");
                assertEquals(row.getLong(1), row.getLong(3), "no sequence number missing");
            }
        }
    }

    /**
     * A starts re-encrypting every tenant key under a new primary and is killed on the way; B resumes the run when A's
     * lease runs out and finishes it. The operator, signed in through A, watches on B and then disables the old key
     * through B with the CSRF token of a page A served: session and token outlive A.
     */
    private static void aRotationInterruptedByKillingAIsCompletedByB(PortalClient operatorOnA) throws Exception {
        Path keysetFile = Path.of(install.clusterEnvironment().get("PORTAL_KEYSET_FILE"));
        Path macFile = Path.of(install.clusterEnvironment().get("PORTAL_MAC_KEYSET_FILE"));
        KeyVault vault = MasterKeysets.load(keysetFile, macFile, false);
        int oldPrimary = vault.keyset().primaryId();
        insertBulkKeys(vault);

        PortalClient.Page page = operatorOnA.get("/operator/keyset");
        assertEquals(200, page.status(), page.text());
        String tokenFromA = page.html().select("input[name=_csrf]").attr("value");
        PortalClient.Page rotated = operatorOnA.post("/operator/keyset/rotate", Map.of("_csrf", tokenFromA));
        assertEquals(302, rotated.status(), rotated.text());

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state = "";
        while (!state.contains("\"state\":\"RUNNING\"") || moved(state) < 10) {
            assertTrue(System.nanoTime() < deadline, "A's run never showed progress: " + state);
            assertFalse(state.contains("\"state\":\"FINISHED\""), "the run finished before A could be killed: " + state);
            Thread.sleep(20);
            state = lease("keyset-reencryption").map(Lease::state).orElse("");
        }
        a.kill();
        int movedByA = moved(lease("keyset-reencryption").orElseThrow().state());
        assertTrue(movedByA < BULK_KEYS, "A was killed mid-run: " + movedByA);

        PortalClient operatorOnB = operatorOnA.at(b.base());
        Lease finished;
        while (true) {
            assertTrue(System.nanoTime() < deadline, "B did not finish the run: " + lease("keyset-reencryption"));
            PortalClient.Page progress = operatorOnB.get("/operator/keyset");
            assertEquals(200, progress.status(), "the operator's session goes on through B: " + progress.text());
            finished = lease("keyset-reencryption").orElseThrow();
            if (finished.state().contains("\"state\":\"FINISHED\"")) {
                break;
            }
            Thread.sleep(500);
        }
        assertTrue(finished.holder().contains(":" + b.base().getPort() + "/"), "B finished it: " + finished);
        int newPrimary = MasterKeysets.aead(keysetFile, false).primaryId();
        assertEquals(0, install.count("select count(*) from tenant_api_key") - underKey(newPrimary),
                "every tenant key is under the new primary");
        assertEquals(1, install.count("select count(*) from audit_event where event_type = "
                + "'KEYSET_REENCRYPTION_STARTED' and detail like '%resumed by%'"), "B's resumption is audited");

        PortalClient.Page disabled = operatorOnB.post("/operator/keyset/disable", Map.of("_csrf", tokenFromA,
                "keyId", Integer.toUnsignedString(oldPrimary)));
        assertEquals(302, disabled.status(), "A's CSRF token works on B: " + disabled.text());
        assertTrue(disabled.location().contains("done=disable"), disabled.location());
        assertEquals(200, operatorOnB.get("/operator/keyset").status());
    }

    /** The operator suspends the tenant through B; the admin's session, started on A, ends at its next request on B. */
    private static void theSessionChecksHoldOnBForSessionsThatAStarted(Fixtures.NewTenant tenant, PortalClient adminOnA,
                                                                      PortalClient operatorOnA) throws SQLException {
        PortalClient adminOnB = adminOnA.at(b.base());
        assertEquals(200, adminOnB.get("/admin/users").status(), "the admin's session from A goes on through B");
        String tenantId;
        try (Connection db = install.connect(); PreparedStatement select = db.prepareStatement(
                "select id from tenant where name = ?")) {
            select.setString(1, tenant.name());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                tenantId = row.getString(1);
            }
        }
        PortalClient.Page suspended = operatorOnA.at(b.base()).submit("/operator/tenants",
                "/operator/tenants/" + tenantId + "/suspend", Map.of());
        assertEquals(302, suspended.status(), suspended.text());
        PortalClient.Page next = adminOnB.get("/admin/users");
        assertEquals(302, next.status(), "the suspended tenant's session ended on B: " + next.text());
        assertTrue(next.location().contains("/login"), next.location());
    }

    /**
     * The verification timer fired on both instances every 5 s through the whole test (each log line names the time
     * by the job's next time, the same on both). Every time exactly one of them ran the job, at least once the other
     * logged that it skipped the same time, and the system chain has no more "all chains" entries than times run.
     */
    private static void theHourlyJobTriggeredOnBothRanOncePerTime() throws Exception {
        Map<String, Integer> runsPerTime = new java.util.TreeMap<>();
        Map<String, Integer> firedPerTime = new java.util.TreeMap<>();
        Pattern line = Pattern.compile("Audit job audit-verify \\(next at (\\S+)\\): (runs on this instance|another instance)");
        for (PayaraMicroProcess instance : List.of(a, b)) {
            Matcher found = line.matcher(instance.log());
            int fired = 0;
            while (found.find()) {
                fired++;
                firedPerTime.merge(found.group(1), 1, Integer::sum);
                if (found.group(2).startsWith("runs")) {
                    runsPerTime.merge(found.group(1), 1, Integer::sum);
                }
            }
            assertTrue(fired >= 2, "the timer fired on " + instance.base());
        }
        assertTrue(runsPerTime.size() >= 3, "the job ran: " + runsPerTime);
        runsPerTime.forEach((time, runs) -> assertEquals(1, runs, "one run for the time before " + time));
        assertTrue(firedPerTime.values().stream().anyMatch(fired -> fired == 2), "both fired for the same time, "
                + "one skipped: " + firedPerTime);
        long audited = install.count("select count(*) from audit_event where event_type = 'AUDIT_VERIFY' "
                + "and target = 'all chains'");
        int ran = runsPerTime.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(audited <= ran && audited >= ran - 1, "each run audited once (the last may still be running): "
                + audited + " entries, " + ran + " runs");
    }

    /** Tenant keys sealed under the current primary, straight into the table, as if many tenants had set one. */
    private static void insertBulkKeys(KeyVault vault) throws SQLException {
        try (Connection db = install.connect(); PreparedStatement insert = db.prepareStatement(
                "insert into tenant_api_key (id, tenant_id, ciphertext, fingerprint, last4, set_by, set_at, version) "
                        + "values (?, ?, ?, ?, ?, 'cluster-it', ?, 0)")) {
            db.setAutoCommit(false);
            for (int i = 0; i < BULK_KEYS; i++) {
                TenantId tenant = TenantId.random();
                ApiKey key = new ApiKey("bulk-key-" + UUID.randomUUID());
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, tenant.value());
                insert.setString(3, vault.seal(tenant, key));
                insert.setString(4, vault.fingerprint(tenant, key));
                insert.setString(5, "abcd");
                insert.setTimestamp(6, Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
            db.commit();
        }
    }

    /** How many stored tenant keys name {@code keyId} in their ciphertext's Tink prefix (0x01, then the id). */
    private static long underKey(int keyId) throws SQLException {
        long count = 0;
        try (Connection db = install.connect(); ResultSet row = db.createStatement().executeQuery(
                "select ciphertext from tenant_api_key")) {
            while (row.next()) {
                byte[] bytes = Base64.getDecoder().decode(row.getString(1));
                int id = ((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
                if (bytes[0] == 1 && id == keyId) {
                    count++;
                }
            }
        }
        return count;
    }

    private record Lease(String holder, String state) {
    }

    private static Optional<Lease> lease(String name) throws SQLException {
        try (Connection db = install.connect(); PreparedStatement select = db.prepareStatement(
                "select holder, state from cluster_lease where name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Lease(row.getString(1), String.valueOf(row.getString(2))))
                        : Optional.empty();
            }
        }
    }

    private static int moved(String state) {
        Matcher moved = Pattern.compile("\"moved\":(\\d+)").matcher(state);
        return moved.find() ? Integer.parseInt(moved.group(1)) : 0;
    }

    private static long verifiedNow(PortalClient client, String path) {
        return verified(client.submit(path, path, Map.of()), path);
    }

    private static long verified(PortalClient client, String path) {
        return verified(client.get(path), path);
    }

    private static long verified(PortalClient.Page page, String path) {
        Matcher verified = VERIFIED.matcher(page.text());
        assertTrue(verified.find(), path + " verifies: " + page.text());
        return Long.parseLong(verified.group(1));
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** The grid listens on loopback only: on the machine's other addresses its ports refuse connections. */
    private static void assertGridOnLoopbackOnly() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    for (int port : List.of(gridA, gridB)) {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress(address, port), 1_000);
                            throw new AssertionError("the data grid answers on " + address + ":" + port);
                        } catch (IOException refused) {
                            // As it should.
                        }
                    }
                }
            }
        }
    }
}
