package com.mimeeqportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The audit benchmark's verdict on its chains, handed from JMH's forked JVM to {@link Benchmarks} through a file
 * per benchmark and database in the directory named by {@code bench.verify-dir}.
 */
final class ChainCheck {

    static final String DIRECTORY_PROPERTY = "bench.verify-dir";

    private ChainCheck() {
    }

    static String ok(int chains, long entries) {
        return String.format(java.util.Locale.ROOT, "OK: %d chains verified, %,d entries, as many as appended", chains,
                entries);
    }

    static String failed(int chains, long entries, long appended, List<String> broken) {
        return String.format(java.util.Locale.ROOT, "FAILED: %d chains, %,d entries verified of %,d appended; %s",
                chains, entries, appended, String.join("; ", broken));
    }

    static boolean passed(String verdict) {
        return verdict.startsWith("OK:");
    }

    static void write(BenchmarkParams params, String verdict) throws IOException {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null) {
            System.out.println(verdict);
            return;
        }
        Files.createDirectories(Path.of(directory));
        Files.writeString(file(Path.of(directory), params.getBenchmark(), params.getParam("database")), verdict);
    }

    static Optional<String> read(Path directory, String benchmark, String database) {
        try {
            return Optional.of(Files.readString(file(directory, benchmark, database)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path file(Path directory, String benchmark, String database) {
        return directory.resolve(benchmark + "-" + database + ".txt");
    }
}
