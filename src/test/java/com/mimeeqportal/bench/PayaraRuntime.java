package com.mimeeqportal.bench;

import com.mimeeqportal.it.Fixtures;
import com.mimeeqportal.it.PayaraMicroProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Payara Micro as the run profile starts it ({@code -Dbench.runtime=launcher}, the default): its runtime unpacked once
 * into a fixed directory by {@code --outputlauncher}, the launcher jar there on the command line, so that Payara's own
 * classes come from the same class path at every start, as a JDK 25 ahead-of-time cache requires. Before every
 * start the directory is put back as {@code --outputlauncher} left it (Payara Micro keeps deployments in its root
 * directory). A variant whose flags name an {@code -XX:AOTCache=} file that does not exist yet gets it made first,
 * by a training start of the same command that stops once everything is deployed ({@code --warmup}), as the run
 * profile's antrun execution {@code payara-runtime} makes its own (pom.xml); both use the same directory and file,
 * and both train again when the WARs' libraries are no longer those the cache was made for.
 */
final class PayaraRuntime {

    private static final Pattern AOT_CACHE = Pattern.compile("-XX:AOTCache=(\\S+)");
    private static final List<String> STATE = List.of("applications", "autodeploy", "generated", "logs", "config");
    private static final Duration TRAINING_BUDGET = Duration.ofMinutes(5);

    private final Path directory;

    private PayaraRuntime(Path directory) {
        this.directory = directory;
    }

    /** The runtime directory named by {@code bench.runtime-dir}, made from Payara Micro's jar if it is not there. */
    static PayaraRuntime prepared() {
        Path directory = Path.of(System.getProperty("bench.runtime-dir", "target/payara-runtime")).toAbsolutePath();
        PayaraRuntime runtime = new PayaraRuntime(directory);
        if (!Files.isDirectory(runtime.pristineConfig())) {
            run(List.of("java", "-jar", PayaraMicroProcess.microJar().toString(), "--rootdir", directory.toString(),
                    "--outputlauncher"), Map.of(), directory.getParent().resolve("payara-runtime-output.log"));
            copyTree(directory.resolve("config"), runtime.pristineConfig());
        }
        return runtime;
    }

    Path launcher() {
        return directory.resolve("launch-micro.jar");
    }

    /** Forgets the last start's deployments and configuration: Payara Micro deploys only what the command names. */
    void reset() {
        for (String state : STATE) {
            Fixtures.deleteTree(directory.resolve(state));
        }
        copyTree(pristineConfig(), directory.resolve("config"));
    }

    /**
     * Makes the {@code -XX:AOTCache} file {@code command} names, if it names one that does not exist or that was made
     * for other libraries: the same command with {@code -XX:AOTCacheOutput} instead, and {@code --warmup}, in a
     * throwaway data directory.
     */
    void trainIfNeeded(List<String> command, Map<String, String> environment, Path work) {
        String libraries = libraries(command);
        Optional<Training> training = training(command).filter(t -> !trainedFor(t.cache(), libraries));
        if (training.isEmpty()) {
            return;
        }
        Path cache = training.get().cache();
        Path data = work.resolve("aot-training-data");
        Map<String, String> trainingEnvironment = new HashMap<>(environment);
        trainingEnvironment.put("PORTAL_DATA_DIR", data.toString());
        System.out.println("Training start for the ahead-of-time cache " + cache + " (once; about a minute)");
        reset();
        run(training.get().command(), trainingEnvironment, work.resolve("aot-training.log"));
        Fixtures.deleteTree(data);
        if (!Files.exists(cache)) {
            throw new IllegalStateException("The training start made no cache " + cache + "; see "
                    + work.resolve("aot-training.log"));
        }
        write(librariesFile(cache), libraries);
    }

    /**
     * The names of the libraries in the WARs {@code command} deploys, sorted and separated by spaces: what the run
     * profile's antrun execution {@code payara-runtime} writes beside the cache it trains (pom.xml). A cache trained on
     * other libraries is trained again: it would still work, but without the saving for the libraries that changed.
     */
    static String libraries(List<String> command) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i + 1 < command.size(); i++) {
            if (command.get(i).equals("--deploy")) {
                String war = command.get(i + 1);
                war = war.substring(0, war.indexOf(".war") + ".war".length());
                try (ZipFile zip = new ZipFile(war)) {
                    zip.stream().map(ZipEntry::getName)
                            .filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"))
                            .map(name -> name.substring("WEB-INF/lib/".length()))
                            .forEach(names::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return names.stream().sorted().collect(Collectors.joining(" "));
    }

    private static boolean trainedFor(Path cache, String libraries) {
        Path trained = librariesFile(cache);
        try {
            return Files.exists(cache) && Files.exists(trained) && Files.readString(trained).strip().equals(libraries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path librariesFile(Path cache) {
        return cache.resolveSibling(cache.getFileName() + ".libraries");
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A training start: the cache it writes, and its command line. */
    record Training(Path cache, List<String> command) {
    }

    /** The training start for {@code command}, if it names an {@code -XX:AOTCache} file. */
    static Optional<Training> training(List<String> command) {
        List<String> training = new ArrayList<>();
        Path cache = null;
        for (String word : command) {
            Matcher aot = AOT_CACHE.matcher(word);
            if (aot.matches()) {
                cache = Path.of(aot.group(1));
                training.add("-XX:AOTCacheOutput=" + cache);
            } else {
                training.add(word);
            }
        }
        training.add("--warmup");
        return cache == null ? Optional.empty() : Optional.of(new Training(cache, List.copyOf(training)));
    }

    private Path pristineConfig() {
        return directory.resolve("config.pristine");
    }

    private static void run(List<String> command, Map<String, String> environment, Path log) {
        PayaraMicroProcess process = PayaraMicroProcess.start(command, environment, 0, log);
        try {
            int exit = process.awaitExit(TRAINING_BUDGET);
            if (exit != 0) {
                throw new IllegalStateException("Exit " + exit + " from " + String.join(" ", command) + "; see " + log);
            }
        } finally {
            process.close();
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
