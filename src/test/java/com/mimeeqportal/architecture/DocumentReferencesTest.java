package com.mimeeqportal.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every document that code, templates, configuration and docs refer to by name ({@code something.md}) is a
 * file in this repository, so a reader can open it. A name resolves from the repository root, from docs/,
 * or from the referring file's own folder, as a Markdown link does.
 */
class DocumentReferencesTest {

    private static final Pattern DOCUMENT = Pattern.compile("(?<![\\w/.:-])([\\w./-]*[\\w-]+\\.md)\\b");
    private static final List<Path> SCANNED = List.of(Path.of("README.md"), Path.of("docs"), Path.of("docker"),
            Path.of("src/main"), Path.of("src/test/java"), Path.of("sandbox/src"), Path.of("webapp"), Path.of("pom.xml"));

    @Test
    void everyReferencedDocumentIsInTheRepository() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path root : SCANNED) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(DocumentReferencesTest::text)
                        .filter(file -> !file.endsWith("DocumentReferencesTest.java")).toList()) { // names examples
                    Matcher m = DOCUMENT.matcher(Files.readString(file));
                    while (m.find()) {
                        String name = m.group(1);
                        if (!resolves(file, name)) {
                            missing.add(file + ": " + name);
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    private static boolean resolves(Path file, String name) {
        Path parent = file.toAbsolutePath().getParent();
        return Files.exists(Path.of(name)) || Files.exists(Path.of("docs").resolve(name))
                || Files.exists(parent.resolve(name));
    }

    private static boolean text(Path file) {
        String name = file.getFileName().toString();
        return Stream.of(".java", ".md", ".html", ".xml", ".properties", ".yaml", ".asadmin", "Dockerfile")
                .anyMatch(name::endsWith);
    }
}
