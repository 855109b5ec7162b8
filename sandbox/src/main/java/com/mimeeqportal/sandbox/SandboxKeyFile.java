package com.mimeeqportal.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The file that keeps the sandbox's API keys across restarts: a properties file from account id to key. Keys are
 * secrets even in a demo, so on POSIX file systems only the owner may read the file. Writes go to a temporary file
 * that then replaces the old one, so a crash mid-write leaves the previous keys rather than half a file.
 */
final class SandboxKeyFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final String COMMENT = "Mimeeq sandbox API keys, one per account. Delete a line for a new key.";

    private final Path file;

    SandboxKeyFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    Path path() {
        return file;
    }

    /** The stored keys by account id; none if the file does not exist yet. */
    Map<String, String> read() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            // A file restored from a backup may be readable by others again; make it owner-only once more.
            if (isPosix()) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox API keys from " + file, e);
        }
        return properties.stringPropertyNames().stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), properties::getProperty));
    }

    void write(Map<String, String> keysByAccount) {
        Properties properties = new Properties();
        properties.putAll(keysByAccount);
        try {
            // The data directory may be shared with the portal in a demo, so whoever creates it keeps it private.
            Files.createDirectories(file.getParent(), ownerOnly(OWNER_ONLY_DIRECTORY));
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                    ownerOnly(OWNER_ONLY));
            try {
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    properties.store(writer, COMMENT);
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sandbox API keys to " + file, e);
        }
    }

    /** Owner-only permissions from creation on, so the keys are never readable by others, not even briefly. */
    private FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return isPosix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private boolean isPosix() {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
