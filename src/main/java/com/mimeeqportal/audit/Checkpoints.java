package com.mimeeqportal.audit;

import com.mimeeqportal.identity.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Checkpoints of every chain, kept outside the database: one append-only file per tenant
 * ({@code <dir>/<tenant>.log}), one line per checkpoint, each line signed with the chain's MAC so that
 * it cannot be forged or moved to another tenant's file. Every checkpoint also goes to the server
 * log, a second copy that whoever controls the database does not control.
 *
 * <p>Line format: {@code v1 HEAD|ANCHOR <tenant> <seq> <hash> <instant> <mac>}. Lines whose MAC does
 * not verify are ignored with a warning: a forged line must not be able to excuse a truncation.
 */
public final class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());
    private static final String VERSION = "v1";

    private final Path dir;
    private final ChainMac mac;

    public Checkpoints(Path dir, ChainMac mac) {
        this.dir = dir;
        this.mac = mac;
    }

    public synchronized void write(Checkpoint checkpoint) {
        String content = String.join(" ", VERSION, checkpoint.kind().name(), checkpoint.tenant().value(),
                Long.toString(checkpoint.seq()), checkpoint.hash(), checkpoint.at().toString());
        String line = content + " " + mac.tag(content.getBytes(StandardCharsets.UTF_8)) + "\n";
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Files.writeString(file(checkpoint.tenant()), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit checkpoint file of " + checkpoint.tenant(), e);
        }
        LOG.info(() -> "Audit checkpoint " + content);
    }

    /** The last valid checkpoint of this kind, if any was written. */
    public Optional<Checkpoint> latest(TenantId tenant, Checkpoint.Kind kind) {
        return lines(tenant, stream -> stream.filter(c -> c.kind() == kind).reduce((first, second) -> second));
    }

    /** Whether a purge recorded exactly this anchor (so a chain starting after it is not missing entries). */
    public boolean recordedAnchor(TenantId tenant, long seq, String hash) {
        return lines(tenant, stream -> stream.anyMatch(c -> c.kind() == Checkpoint.Kind.ANCHOR
                && c.seq() == seq && c.hash().equals(hash)));
    }

    private <T> T lines(TenantId tenant, java.util.function.Function<Stream<Checkpoint>, T> reader) {
        Path file = file(tenant);
        if (!Files.isRegularFile(file)) {
            return reader.apply(Stream.empty());
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return reader.apply(lines.map(line -> parse(tenant, line)).flatMap(Optional::stream));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoint file of " + tenant, e);
        }
    }

    private Optional<Checkpoint> parse(TenantId tenant, String line) {
        String[] parts = line.split(" ");
        int signatureAt = line.lastIndexOf(' ');
        if (parts.length != 7 || !VERSION.equals(parts[0]) || signatureAt < 0
                || !mac.valid(parts[6], line.substring(0, signatureAt).getBytes(StandardCharsets.UTF_8))
                || !tenant.value().equals(parts[2])) {
            LOG.warning(() -> "Audit checkpoint file of " + tenant + ": ignoring a line that fails its signature");
            return Optional.empty();
        }
        try {
            return Optional.of(new Checkpoint(tenant, Checkpoint.Kind.valueOf(parts[1]), Long.parseLong(parts[3]),
                    parts[4], Instant.parse(parts[5])));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    Path file(TenantId tenant) {
        // TenantId is a UUID or "system": safe as a file name.
        return dir.resolve(tenant.value() + ".log");
    }
}
