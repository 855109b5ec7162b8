package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mimeeqportal.input.Messages;
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

/** Every message key that templates and code use exists in messages.properties. */
class MessagesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
    private static final Pattern CODE_KEY = Pattern.compile("\"((?:validation|error|login|mimeeq|catalog|apiKey|tenants)\\.[a-zA-Z0-9_.]+)\"");

    @Test
    void everyUsedKeyIsDefined() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path file : files(Path.of("webapp/WEB-INF/templates"), ".html")) {
            collect(TEMPLATE_KEY, Files.readString(file), missing);
        }
        for (Path file : files(Path.of("src/main/java"), ".java")) {
            collect(CODE_KEY, Files.readString(file), missing);
        }
        assertEquals(Set.of(), missing);
    }

    private static void collect(Pattern pattern, String text, Set<String> missing) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String key = m.group(1);
            boolean prefixOfKeys = Messages.all().stringPropertyNames().stream().anyMatch(k -> k.startsWith(key + "."));
            if (!key.endsWith(".") && Messages.all().getProperty(key) == null && !prefixOfKeys) {
                missing.add(key);
            }
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
