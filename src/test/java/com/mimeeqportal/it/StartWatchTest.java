package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch on Arquillian's Payara Micro dumps the threads of a child JVM that is still starting when its patience
 * runs out, and of none once disarmed. The child here is a JVM that only sleeps, named like Payara Micro's jar.
 */
class StartWatchTest {

    @Test
    void aStartThatOutlastsThePatienceLeavesItsThreads(@TempDir Path directory) throws Exception {
        Path sleeper = Files.writeString(directory.resolve("Sleeper.java"),
                "class Sleeper { public static void main(String[] a) throws Exception {"
                        + " System.out.println(\"up\"); System.out.flush(); Thread.sleep(60_000); } }");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dstands.for=payara-micro.jar", sleeper.toString()).start();
        try {
            assertTrue(new BufferedReader(new InputStreamReader(child.getInputStream())).readLine().equals("up"),
                    "the child JVM runs");
            StartWatch.Watch disarmed = new StartWatch.Watch(300, directory.resolve("disarmed"));
            disarmed.arm();
            disarmed.disarm();
            StartWatch.Watch watch = new StartWatch.Watch(300, directory.resolve("dumps"));
            watch.arm();
            Path dump = directory.resolve("dumps").resolve("payara-" + child.pid() + ".threads.txt");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(dump) && Files.readString(dump).contains("Sleeper.main"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.readString(dump).contains("Sleeper.main"), Files.readString(dump));
            assertFalse(Files.exists(directory.resolve("disarmed")), "a disarmed watch dumps nothing");
        } finally {
            child.destroyForcibly();
        }
    }
}
