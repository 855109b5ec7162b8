package com.mimeeqportal.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The README's first two code blocks: the run command and the test command, each one line. */
record ReadmeCommands(String run, String test) {

    static ReadmeCommands read(Path readme) throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("```")) {
                if (current == null) {
                    current = new StringBuilder();
                } else {
                    blocks.add(current.toString().strip());
                    current = null;
                }
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (blocks.size() < 2 || blocks.get(0).contains("\n") || blocks.get(1).contains("\n")) {
            throw new IllegalStateException("The README must open with two one-line code blocks: run, then test");
        }
        return new ReadmeCommands(blocks.get(0), blocks.get(1));
    }
}
