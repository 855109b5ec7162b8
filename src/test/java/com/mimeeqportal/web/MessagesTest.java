package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mimeeqportal.input.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.messageresolver.StandardMessageResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Every message key that templates and code use exists in messages.properties, and every message renders
 * with its apostrophes (MessageFormat drops a lone one: "this account's key" became "this accounts key").
 */
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

    /**
     * Renders every message with arguments, as Java code does ({@link Messages#get}) and as a template does
     * (Thymeleaf's message resolver), and counts apostrophes: each written {@code ''} must come out as one.
     */
    @Test
    void noMessageLosesAnApostrophe() {
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        StandardMessageResolver resolver = new StandardMessageResolver();
        resolver.setDefaultMessages(Messages.all()); // as Views sets it up
        engine.setMessageResolver(resolver);
        Object[] arguments = {1, 2, 3, 4, 5}; // numbers suit both {0} and {0,number,#}
        Set<String> lost = new TreeSet<>();
        for (String key : Messages.all().stringPropertyNames()) {
            String pattern = Messages.all().getProperty(key);
            long meant = apostrophes(pattern.replace("''", "'"));
            String inJava = Messages.get(key, arguments);
            String inTemplate = engine.process("[(#{" + key + "(1,2,3,4,5)})]", new Context(Locale.ENGLISH));
            String inTemplateWithoutArguments = engine.process("[(#{" + key + "})]", new Context(Locale.ENGLISH));
            if (apostrophes(inJava) != meant || apostrophes(inTemplate) != meant
                    || (!pattern.contains("{0") && apostrophes(inTemplateWithoutArguments) != meant)) {
                lost.add(key + ": " + inJava);
            }
        }
        assertEquals(Set.of(), lost, "write an apostrophe as '' in messages.properties");
    }

    private static long apostrophes(String text) {
        return text.chars().filter(c -> c == '\'').count();
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
