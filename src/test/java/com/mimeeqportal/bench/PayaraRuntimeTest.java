package com.mimeeqportal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training start a benchmark variant with an ahead-of-time cache gets: its own command, writing the cache; and
 * the libraries the cache is made for, by which a cache made for others is found stale.
 */
class PayaraRuntimeTest {

    @Test
    void aVariantNamingACacheIsTrainedWithTheSameCommandWritingIt() {
        List<String> command = List.of("java", "-XX:+UseSerialGC", "-XX:AOTCache=/tmp/b/payara.aot", "-jar",
                "/tmp/rt/launch-micro.jar", "--port", "18080");
        PayaraRuntime.Training training = PayaraRuntime.training(command).orElseThrow();
        assertEquals(Path.of("/tmp/b/payara.aot"), training.cache());
        assertEquals(List.of("java", "-XX:+UseSerialGC", "-XX:AOTCacheOutput=/tmp/b/payara.aot", "-jar",
                "/tmp/rt/launch-micro.jar", "--port", "18080", "--warmup"), training.command());
    }

    @Test
    void theLibrariesACacheIsMadeForAreThoseOfEveryDeployedWarSortedByName(@TempDir Path directory) throws IOException {
        Path sandbox = war(directory.resolve("sandbox.war"), "WEB-INF/classes/A.class", "WEB-INF/lib/zeta-1.0.jar");
        Path portal = war(directory.resolve("portal.war"), "WEB-INF/lib/hibernate-core-7.4.jar",
                "WEB-INF/lib/alpha-2.jar", "WEB-INF/lib/notes.txt", "META-INF/lib/other.jar");
        List<String> command = List.of("java", "-jar", "launch-micro.jar", "--deploy", sandbox.toString(),
                "--deploy", portal + java.io.File.pathSeparator + "/", "--port", "18080");
        assertEquals("alpha-2.jar hibernate-core-7.4.jar zeta-1.0.jar", PayaraRuntime.libraries(command));
    }

    private static Path war(Path file, String... entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void aVariantWithoutACacheNeedsNoTraining() {
        assertTrue(PayaraRuntime.training(List.of("java", "-jar", "/tmp/rt/launch-micro.jar")).isEmpty());
    }
}
