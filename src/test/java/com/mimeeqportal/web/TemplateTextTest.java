package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * No template shows literal words: every text a person reads comes from messages*.properties, so every
 * language is complete. Text inside an element that Thymeleaf replaces ({@code th:text}, {@code th:replace}…)
 * is only a prototype and never shown; separators such as "·" or "–" carry no words.
 */
class TemplateTextTest {

    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");

    @Test
    void templatesHaveNoLiteralWords() throws IOException {
        Set<String> literal = new TreeSet<>();
        for (Path file : templates()) {
            literalWords(Files.readString(file)).forEach(words -> literal.add(file + ": " + words));
        }
        assertEquals(Set.of(), literal, "put the text in messages.properties and use th:text");
    }

    @Test
    void findsLiteralWordsButNotPrototypesOrSeparators() {
        assertEquals(List.of("Hello"), literalWords(
                "<div><p>Hello</p><p th:text=\"#{x}\">Prototype</p> · <span th:replace=\"~{f}\"><b>Gone</b></span></div>"));
    }

    private static List<String> literalWords(String template) {
        Document html = Jsoup.parse(template, "", Parser.xmlParser());
        return html.selectXpath("//text()", TextNode.class).stream().filter(text -> !replaced(text.parent()))
                .map(text -> text.text().strip())
                .filter(words -> words.codePoints().anyMatch(Character::isLetter)).toList();
    }

    private static boolean replaced(org.jsoup.nodes.Node node) {
        for (org.jsoup.nodes.Node n = node; n instanceof Element element; n = n.parent()) {
            if (element.attributes().asList().stream().anyMatch(a -> REPLACING.contains(a.getKey()))
                    || element.tagName().equals("script") || element.tagName().equals("style")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> paths = Files.walk(Path.of("webapp/WEB-INF/templates"))) {
            return paths.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
