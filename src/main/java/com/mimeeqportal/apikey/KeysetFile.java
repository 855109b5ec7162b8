package com.mimeeqportal.apikey;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a keyset file so that a crash at any moment leaves either the old or the new keyset in place,
 * never a half-written one: the new content goes to an owner-only temporary file in the same directory,
 * is forced to disk, and is moved over the old file in one atomic rename. The old content is kept as
 * {@code <file>.previous}, the operator's way back (docs/operations.md).
 */
final class KeysetFile {

    static final String BACKUP_SUFFIX = ".previous";
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private KeysetFile() {
    }

    static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + BACKUP_SUFFIX);
    }

    /** Replaces (or creates) {@code file} with {@code json}, keeping the former content as the backup. */
    static void replace(Path file, String json) {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        try {
            Files.createDirectories(directory);
            if (Files.isRegularFile(absolute)) {
                moveIntoPlace(writeTemporary(directory, Files.readAllBytes(absolute)), backupOf(absolute));
            }
            moveIntoPlace(writeTemporary(directory, json.getBytes(StandardCharsets.UTF_8)), absolute);
            forceDirectory(directory);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the keyset file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path writeTemporary(Path directory, byte[] content) throws IOException {
        // Created owner-only from the start: there is no moment in which another user could open it.
        Path temporary = Files.createTempFile(directory, ".keyset-", ".tmp", OWNER_ONLY);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return temporary;
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Makes the renames themselves durable; best effort where the platform cannot open a directory. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not every file system lets a directory be opened; the rename is still atomic there.
        }
    }
}
