package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The build's two deployables keep apart: {@code portal.war} holds no class of the Mimeeq sandbox and no class that
 * names one, and {@code sandbox.war} holds only the sandbox's own classes and settings, no library and nothing that
 * names a portal class. Reads the WARs as built, as zip files; starts no server.
 */
class DeployablesIT {

    /** A sandbox package in a class file's constant pool (slashes) or in text (dots), where it was or is now. */
    private static final Pattern SANDBOX = Pattern.compile("com[/.]mimeeqportal[/.](mimeeq[/.])?sandbox\\b");
    /** Any of the portal's packages, which are all the project's packages but the sandbox. */
    private static final Pattern PORTAL = Pattern.compile("com[/.]mimeeqportal[/.](?!sandbox\\b)\\w");

    @Test
    void thePortalWarHoldsNoSandboxClass() throws IOException {
        List<String> offending = new ArrayList<>();
        try (ZipFile war = new ZipFile(System.getProperty("portal.war", "target/portal.war"))) {
            for (ZipEntry entry : war.stream().toList()) {
                if (entry.getName().startsWith("WEB-INF/classes/")
                        && (SANDBOX.matcher(entry.getName()).find() || mentions(war, entry, SANDBOX))) {
                    offending.add(entry.getName());
                }
            }
            assertTrue(war.getEntry("WEB-INF/classes/com/mimeeqportal/mimeeq/MimeeqGateway.class") != null,
                    "the check reads a portal WAR");
        }
        assertEquals(List.of(), offending, "portal.war must not contain or refer to the sandbox");
    }

    @Test
    void thePortalWarLoadsItsOwnLibrariesFirst() throws IOException {
        // Parent-first, each library class was first looked for in every jar behind Payara's API class loader:
        // seconds of a start (docs/performance.md). Payara reads the setting from payara-web.xml.
        try (ZipFile war = new ZipFile(System.getProperty("portal.war", "target/portal.war"))) {
            ZipEntry descriptor = war.getEntry("WEB-INF/payara-web.xml");
            assertTrue(descriptor != null, "portal.war has a payara-web.xml");
            try (InputStream in = war.getInputStream(descriptor)) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
                assertTrue(xml.matches("(?s).*</session-config>\\s*<class-loader delegate=\"false\"/>.*"),
                        "child-first class loading, where Payara's DTD places it (after session-config):\n" + xml);
            }
        }
    }

    /**
     * Payara parses every class of every jar in WEB-INF/lib at each deployment, so a library nothing runs costs every
     * start (docs/performance.md): ICU4J was replaced by input/MessagePattern, Byte Buddy is not needed with
     * system/NoGeneratedProxies, whose registration must be in the WAR for Hibernate to start without it, and the
     * static checkers' annotations are read by no code at run time.
     */
    @Test
    void thePortalWarCarriesNoLibraryItDoesNotRun() throws IOException {
        try (ZipFile war = new ZipFile(System.getProperty("portal.war", "target/portal.war"))) {
            List<String> unneeded = war.stream().map(ZipEntry::getName).filter(name -> name.matches(
                    "WEB-INF/lib/(icu4j|byte-buddy|checker-qual|jsr305|error_prone_annotations)-.*\\.jar")).toList();
            assertEquals(List.of(), unneeded);
            ZipEntry services = war.getEntry("WEB-INF/classes/META-INF/services/org.hibernate.service.spi.ServiceContributor");
            assertTrue(services != null, "the contribution that keeps Hibernate from looking for Byte Buddy");
            try (InputStream in = war.getInputStream(services)) {
                assertEquals("com.mimeeqportal.system.NoGeneratedProxies",
                        new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        }
    }

    @Test
    void theSandboxWarHoldsTheSandboxAlone() throws IOException {
        List<String> offending = new ArrayList<>();
        try (ZipFile war = new ZipFile(System.getProperty("sandbox.war", "target/sandbox.war"))) {
            for (ZipEntry entry : war.stream().filter(e -> !e.isDirectory()).toList()) {
                boolean own = entry.getName().startsWith("WEB-INF/classes/com/mimeeqportal/sandbox/")
                        || entry.getName().equals("WEB-INF/classes/META-INF/microprofile-config.properties")
                        || entry.getName().startsWith("META-INF/");
                if (!own || mentions(war, entry, PORTAL)) {
                    offending.add(entry.getName());
                }
            }
            assertTrue(war.getEntry("WEB-INF/classes/com/mimeeqportal/sandbox/SandboxApplication.class") != null,
                    "the check reads the sandbox WAR");
        }
        assertEquals(List.of(), offending, "sandbox.war must hold its own classes only");
    }

    private static boolean mentions(ZipFile war, ZipEntry entry, Pattern pattern) throws IOException {
        try (InputStream in = war.getInputStream(entry)) {
            // Class names in a class file are modified UTF-8, which is ASCII for these; Latin-1 keeps every byte.
            return pattern.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).find();
        }
    }
}
