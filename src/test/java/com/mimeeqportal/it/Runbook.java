package com.mimeeqportal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator copies out of a Markdown document: the code blocks under a "## " heading, the start
 * command, and the environment a block sets. Tests run these exactly as written, so the docs can't drift
 * away from what works.
 */
record Runbook(Path file, String text) {

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z][A-Z0-9_]*)=(.*)");

    static Runbook read(String file) {
        Path path = Path.of(file);
        try {
            return new Runbook(path, Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code blocks of the section that starts with the heading {@code "## " + heading}, in order. */
    List<String> blocks(String heading) {
        List<String> blocks = new ArrayList<>();
        boolean inSection = false;
        StringBuilder block = null;
        for (String line : text.split("\n", -1)) {
            if (block == null && line.startsWith("## ")) {
                inSection = line.equals("## " + heading);
            } else if (inSection && line.startsWith("```")) {
                if (block == null) {
                    block = new StringBuilder();
                } else {
                    blocks.add(block.toString().strip());
                    block = null;
                }
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        if (blocks.isEmpty()) {
            throw new AssertionError(file + " has no code block under \"## " + heading + "\"");
        }
        return blocks;
    }

    /** The one block of the section whose lines all set an environment variable, as name → example value. */
    Map<String, String> environment(String heading) {
        List<Map<String, String>> found = new ArrayList<>();
        for (String block : blocks(heading)) {
            Map<String, String> variables = new LinkedHashMap<>();
            for (String line : block.split("\n")) {
                Matcher assignment = ASSIGNMENT.matcher(line.strip());
                if (!assignment.matches()) {
                    variables = null;
                    break;
                }
                variables.put(assignment.group(1), assignment.group(2));
            }
            if (variables != null) {
                found.add(variables);
            }
        }
        if (found.size() != 1) {
            throw new AssertionError(file + " must have exactly one block of NAME=value lines under \"## " + heading
                    + "\", found " + found.size());
        }
        return found.get(0);
    }

    /** The first block of the section that starts with {@code prefix}, with its continuation lines joined. */
    String command(String heading, String prefix) {
        return blocks(heading).stream().map(block -> block.replace("\\\n", " ").replaceAll("\\s+", " ").strip())
                .filter(command -> command.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no command starting with '" + prefix
                        + "' under \"## " + heading + "\""));
    }

    /** Every {@code PORTAL_…} name the text mentions anywhere. */
    List<String> portalVariables() {
        Matcher names = Pattern.compile("\\bPORTAL_[A-Z0-9_]*[A-Z0-9]").matcher(text);
        List<String> all = new ArrayList<>();
        while (names.find()) {
            if (!all.contains(names.group())) {
                all.add(names.group());
            }
        }
        return all;
    }
}
