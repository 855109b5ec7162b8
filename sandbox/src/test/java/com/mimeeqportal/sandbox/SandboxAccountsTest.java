package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxAccountsTest {

    private static final String DEMO = "demo-furniture";
    private static final String NORDIC = "nordic-living";

    @TempDir
    Path dataDir;

    private Path keyFile() {
        return dataDir.resolve("sandbox").resolve("accounts.properties");
    }

    private SandboxAccounts accounts() {
        return new SandboxAccounts(keyFile());
    }

    @Test
    void offersTheBuiltInAccounts() {
        assertEquals(
                List.of(DEMO, NORDIC, "acme-office"),
                accounts().accounts().stream().map(SandboxAccount::id).toList());
    }

    @Test
    void everyAccountHasAKeyOf40UrlSafeCharacters() {
        SandboxAccounts accounts = accounts();
        for (SandboxAccount account : accounts.accounts()) {
            assertTrue(accounts.currentKey(account.id()).matches("[A-Za-z0-9_-]{40}"), account.id());
        }
    }

    @Test
    void findsTheAccountByItsCurrentKey() {
        SandboxAccounts accounts = accounts();
        assertEquals(Optional.of(DEMO), accounts.findByKey(accounts.currentKey(DEMO)).map(SandboxAccount::id));
        assertEquals(Optional.of(NORDIC), accounts.findByKey(accounts.currentKey(NORDIC)).map(SandboxAccount::id));
    }

    @Test
    void missingUnknownAndAlmostRightKeysFindNoAccount() {
        SandboxAccounts accounts = accounts();
        String key = accounts.currentKey(DEMO);
        String almost = key.substring(0, 39) + (key.endsWith("A") ? "B" : "A");
        assertEquals(Optional.empty(), accounts.findByKey(null));
        assertEquals(Optional.empty(), accounts.findByKey(""));
        assertEquals(Optional.empty(), accounts.findByKey(almost));
        assertEquals(Optional.empty(), accounts.findByKey(key + "x"));
    }

    @Test
    void keysSurviveARestart() {
        String key = accounts().currentKey(DEMO);
        assertEquals(key, accounts().currentKey(DEMO));
    }

    @Test
    void regeneratingAKeyInvalidatesTheOldOneForGood() {
        SandboxAccounts accounts = accounts();
        String old = accounts.currentKey(DEMO);
        String otherAccountsKey = accounts.currentKey(NORDIC);

        String replacement = accounts.regenerateKey(DEMO);

        assertNotEquals(old, replacement);
        assertEquals(Optional.empty(), accounts.findByKey(old));
        assertEquals(Optional.of(DEMO), accounts.findByKey(replacement).map(SandboxAccount::id));
        assertEquals(otherAccountsKey, accounts.currentKey(NORDIC));
        SandboxAccounts afterRestart = accounts();
        assertEquals(replacement, afterRestart.currentKey(DEMO));
        assertEquals(Optional.empty(), afterRestart.findByKey(old));
    }

    @Test
    void concurrentRegenerationsLeaveTheFileAndMemoryAgreeing() throws Exception {
        SandboxAccounts accounts = accounts();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<String>> keys = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String accountId = i % 2 == 0 ? DEMO : NORDIC;
                keys.add(threads.submit(() -> accounts.regenerateKey(accountId)));
            }
            for (Future<String> key : keys) {
                key.get();
            }
        }
        SandboxAccounts afterRestart = accounts();
        assertEquals(accounts.currentKey(DEMO), afterRestart.currentKey(DEMO));
        assertEquals(accounts.currentKey(NORDIC), afterRestart.currentKey(NORDIC));
    }

    @Test
    void theFirstUseStoresEveryAccountsKey() throws IOException {
        SandboxAccounts accounts = accounts();
        Map<String, String> keys = accounts.accounts().stream()
                .collect(Collectors.toMap(SandboxAccount::id, account -> accounts.currentKey(account.id())));

        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(keyFile())) {
            stored.load(reader);
        }
        assertEquals(keys, Map.copyOf(stored));
    }

    @Test
    void onlyTheOwnerMayReadTheKeyFile() throws IOException {
        assumePosix();
        SandboxAccounts accounts = accounts();
        accounts.currentKey(DEMO);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile().getParent())),
                "the directories the sandbox creates are private too");
        accounts.regenerateKey(DEMO);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
    }

    @Test
    void aKeyFileReadableByOthersIsMadeOwnerOnly() throws IOException {
        assumePosix();
        accounts().currentKey(DEMO);
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));

        accounts().currentKey(DEMO);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
    }

    @Test
    void aDamagedKeyIsReplacedRatherThanAccepted() throws IOException {
        Files.createDirectories(keyFile().getParent());
        Files.writeString(keyFile(), DEMO + "=\n");
        SandboxAccounts accounts = accounts();

        assertEquals(Optional.empty(), accounts.findByKey(""));
        String key = accounts.currentKey(DEMO);
        assertTrue(key.matches("[A-Za-z0-9_-]{40}"));
        assertEquals(key, accounts().currentKey(DEMO));
    }

    @Test
    void unknownAccountsHaveNoKey() {
        SandboxAccounts accounts = accounts();
        assertEquals(Optional.empty(), accounts.findById("nobody"));
        assertThrows(IllegalArgumentException.class, () -> accounts.currentKey("nobody"));
        assertThrows(IllegalArgumentException.class, () -> accounts.regenerateKey("nobody"));
    }

    private void assumePosix() {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    }
}
