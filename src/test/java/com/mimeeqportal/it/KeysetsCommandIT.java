package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.apikey.NewKeysets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyset command exactly as docs/configuration.md gives it to operators (and docker/README.md repeats it):
 * it writes two owner-only keysets that production mode accepts, and a second run overwrites nothing.
 */
class KeysetsCommandIT {

    private static final String COMMAND = "./mvnw -q -Pkeysets -Dkeysets.dir=";

    @TempDir
    Path work;

    @Test
    void theDocumentedCommandWritesOwnerOnlyKeysetsAndNeverOverwritesThem() throws Exception {
        String documented = Runbook.read("docs/configuration.md").command("Keysets in production", COMMAND);
        assertTrue(Runbook.read("docker/README.md").command("Make the secrets", COMMAND).startsWith(COMMAND));
        Path directory = work.resolve("etc").resolve("mimeeq-portal");
        String command = COMMAND + directory;

        Result first = run(command);
        assertEquals(0, first.status(), first.output());
        Path master = directory.resolve(NewKeysets.MASTER_KEYSET);
        Path mac = directory.resolve(NewKeysets.MAC_KEYSET);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        for (Path file : List.of(master, mac)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
        assertNotNull(MasterKeysets.load(master, mac, false), "production mode loads them");
        assertTrue(documented.startsWith(COMMAND), documented);

        byte[] masterBefore = Files.readAllBytes(master);
        Result second = run(command);
        assertNotEquals(0, second.status(), "a second run refuses");
        assertTrue(second.output().contains("never overwritten"), second.output());
        assertArrayEquals(masterBefore, Files.readAllBytes(master), "the keyset is untouched");
    }

    private record Result(int status, String output) {
    }

    private Result run(String command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "keysets", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), command);
        return new Result(process.exitValue(), Files.readString(log));
    }
}
