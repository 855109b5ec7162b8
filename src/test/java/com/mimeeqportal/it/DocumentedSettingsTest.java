package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings the code reads, docs/configuration.md's table, and the environment variables that the README,
 * the runbooks and the Docker files tell operators to set must name the same things. A setting renamed in one
 * place and not the others fails here instead of at a customer's first start.
 */
class DocumentedSettingsTest {

    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `(portal\\.[a-z0-9.-]+)` \\| `([A-Z0-9_]+)` \\|");
    private static final Pattern PROPERTY_IN_CODE = Pattern.compile("\"(portal\\.[a-z0-9.-]*[a-z0-9])[\"=]");

    @Test
    void everyDocumentedVariableIsItsPropertyInUpperCase() throws IOException {
        documented().forEach((property, variable) -> assertEquals(
                property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), variable, property));
    }

    @Test
    void everySettingTheCodeReadsIsDocumented() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher property = PROPERTY_IN_CODE.matcher(Files.readString(source));
                while (property.find()) {
                    read.add(property.group(1));
                }
            }
        }
        assertTrue(read.size() > 20, "found the settings in the code: " + read);
        read.removeAll(documented().keySet());
        assertEquals(Set.of(), read, "read by the code but missing from docs/configuration.md");
    }

    @Test
    void everyVariableTheDocsMentionIsADocumentedSetting() throws IOException {
        Set<String> variables = Set.copyOf(documented().values());
        for (String file : List.of("README.md", "docs/operations.md", "docs/security.md", "docs/architecture.md",
                "docker/README.md", "docker/compose.yaml", "docker/Dockerfile")) {
            if (Files.exists(Path.of(file))) {
                for (String name : Runbook.read(file).portalVariables()) {
                    assertTrue(variables.contains(name), file + " mentions " + name + ", which is no documented setting");
                }
            }
        }
    }

    @Test
    void theProductionRunbookSetsTheSettingsProductionNeeds() {
        Set<String> names = Runbook.read("docs/operations.md").environment("PostgreSQL").keySet();
        assertTrue(names.containsAll(List.of("PORTAL_MODE", "PORTAL_KEYSET_FILE", "PORTAL_MAC_KEYSET_FILE",
                "PORTAL_DB_URL", "PORTAL_DB_USER", "PORTAL_DB_PASSWORD")), names.toString());
    }

    @Test
    void theDockerReadmeStatesExactlyWhatComposeGivesThePortal() throws IOException {
        Map<String, String> readme = Runbook.read("docker/README.md").environment("The portal's environment");
        Map<String, String> compose = composePortalEnvironment();
        assertEquals(readme.keySet(), compose.keySet(), "the same names in docker/README.md and compose.yaml");
        // Interpolations such as ${PORTAL_DB_PASSWORD:?…} are shortened in the README; fixed values must agree.
        readme.forEach((name, value) -> assertTrue(value.startsWith("${") || value.equals(compose.get(name)),
                name + ": " + value + " in docker/README.md, " + compose.get(name) + " in compose.yaml"));
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertTrue(dockerfile.contains("PORTAL_MODE=production"), "the image runs production mode");
    }

    /** docs/configuration.md's settings table: property → environment variable. */
    private static Map<String, String> documented() throws IOException {
        Matcher row = TABLE_ROW.matcher(Files.readString(Path.of("docs/configuration.md")));
        Map<String, String> settings = new LinkedHashMap<>();
        while (row.find()) {
            settings.put(row.group(1), row.group(2));
        }
        assertTrue(settings.size() > 20, "read the settings table: " + settings);
        return settings;
    }

    /** The {@code environment:} map of the {@code portal} service, as written (values unexpanded). */
    private static Map<String, String> composePortalEnvironment() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docker/compose.yaml"));
        int service = lines.indexOf("  portal:");
        assertTrue(service >= 0, "compose.yaml has a portal service");
        int environment = service + 1;
        while (!lines.get(environment).equals("    environment:")) {
            environment++;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        Pattern entry = Pattern.compile("      ([A-Z0-9_]+): (.*)");
        for (String line : lines.subList(environment + 1, lines.size())) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher variable = entry.matcher(line);
            if (!variable.matches()) {
                break;
            }
            variables.put(variable.group(1), variable.group(2));
        }
        return variables;
    }
}
