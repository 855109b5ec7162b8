package com.mimeeqportal.audit;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.Database;
import com.mimeeqportal.system.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the entry of a Mimeeq call goes when the call was made but the database went away before its entry
 * could be written: one small file per entry in {@code <data-dir>/audit-spool}, written to a temporary name,
 * forced to disk and renamed, so a crash leaves either the whole entry or none. {@link #replay} appends the
 * kept entries to their chains, oldest first, once the database is back, deleting each file only after its
 * entry is committed. The entries hold what audit entries hold, never a secret.
 *
 * <p>A spooled entry joins its chain late: its time is when the call happened, its place in the chain is
 * when it was written. The chain covers both, so verification is unaffected; an admin reading the log by
 * sequence sees it after later calls.
 */
@ApplicationScoped
public class AuditSpool {

    private static final Logger LOG = Logger.getLogger(AuditSpool.class.getName());
    private static final String SUFFIX = ".entry";

    private static final Duration STUCK_WARNING_EVERY = Duration.ofMinutes(10);

    private final Path directory;
    private Path lastStuck;
    private Instant lastWarned = Instant.MIN;

    @Inject
    public AuditSpool(PortalConfig config) {
        this(config.dataDir().resolve("audit-spool"));
    }

    public AuditSpool(Path directory) {
        this.directory = directory;
    }

    protected AuditSpool() {
        this.directory = null;
    }

    /** Keeps {@code entry} on disk until it can be appended; throws if even that is impossible. */
    public void keep(TenantId tenant, AuditEntry entry) {
        Properties fields = new Properties();
        fields.setProperty("tenant", tenant.value());
        put(fields, "occurredAt", entry.occurredAt().toString());
        put(fields, "actor", entry.actor());
        put(fields, "clientIp", entry.clientIp());
        put(fields, "type", entry.type().name());
        put(fields, "outcome", entry.outcome().name());
        put(fields, "reason", entry.reason());
        put(fields, "target", entry.target());
        put(fields, "detail", entry.detail());
        put(fields, "httpStatus", entry.httpStatus() == null ? null : entry.httpStatus().toString());
        put(fields, "durationMs", entry.durationMs() == null ? null : entry.durationMs().toString());
        put(fields, "correlationId", entry.correlationId());
        // The name sorts by time, so replay keeps each tenant's calls in the order they happened.
        String name = String.format("%020d-%s", ChronoUnit.MICROS.between(Instant.EPOCH, entry.occurredAt()), UUID.randomUUID());
        try {
            Files.createDirectories(directory);
            Path partial = directory.resolve(name + ".partial");
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                fields.store(out, null);
                out.flush();
                channel.force(true);
            }
            move(partial, directory.resolve(name + SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("The audit spool " + directory + " cannot be written", e);
        }
    }

    /** How many entries wait to be appended. */
    public int pending() {
        return pendingFiles().size();
    }

    /**
     * Appends the kept entries, oldest first, through {@code append}; stops at the first that fails (the
     * database is still away) and leaves it and the rest for the next time. Returns how many were appended.
     */
    public int replay(BiConsumer<TenantId, AuditEntry> append) {
        int appended = 0;
        for (Path file : pendingFiles()) {
            Optional<Kept> kept = read(file);
            if (kept.isEmpty()) {
                continue;
            }
            try {
                append.accept(kept.get().tenant(), kept.get().entry());
            } catch (RuntimeException e) {
                stuck(file, e);
                return appended;
            }
            try {
                Files.delete(file);
            } catch (IOException e) {
                // Appended but not deleted: the next replay would append it twice. Stop and say so loudly.
                throw new UncheckedIOException("A replayed audit entry could not be removed from the spool: " + file, e);
            }
            appended++;
        }
        return appended;
    }

    /**
     * The oldest entry could not be appended, so it and every later one wait. During a database outage that
     * is expected and said quietly; anything else (its tenant's chain head gone, say) would block the spool for
     * good, so it is a warning, repeated every ten minutes while the same entry stays stuck.
     */
    private void stuck(Path file, RuntimeException failure) {
        if (Database.isUnavailable(failure)) {
            LOG.log(Level.FINE, "Spooled audit entries wait: the database is still unavailable", failure);
            return;
        }
        Instant now = Instant.now();
        synchronized (this) {
            if (file.equals(lastStuck) && now.isBefore(lastWarned.plus(STUCK_WARNING_EVERY))) {
                return;
            }
            lastStuck = file;
            lastWarned = now;
        }
        LOG.log(Level.WARNING, "The spooled audit entry " + file.getFileName() + " cannot be appended, and the "
                + pending() + " spooled entries wait behind it; this is not a database outage", failure);
    }

    private List<Path> pendingFiles() {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("The audit spool " + directory + " cannot be read", e);
        }
        files.sort(null);
        return files;
    }

    private Optional<Kept> read(Path file) {
        Properties fields = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            fields.load(in);
            AuditEntry entry = new AuditEntry(Instant.parse(fields.getProperty("occurredAt")), fields.getProperty("actor"),
                    fields.getProperty("clientIp"), AuditEventType.valueOf(fields.getProperty("type")),
                    AuditOutcome.valueOf(fields.getProperty("outcome")), fields.getProperty("reason"),
                    fields.getProperty("target"), fields.getProperty("detail"), integer(fields, "httpStatus"),
                    Optional.ofNullable(fields.getProperty("durationMs")).map(Long::valueOf).orElse(null),
                    fields.getProperty("correlationId"));
            return Optional.of(new Kept(new TenantId(fields.getProperty("tenant")), entry));
        } catch (IOException | RuntimeException e) {
            // Not deleted: a person should look at a file the portal wrote and can't read back.
            LOG.log(Level.SEVERE, "Unreadable audit spool file " + file + " left in place", e);
            return Optional.empty();
        }
    }

    private static Integer integer(Properties fields, String name) {
        return Optional.ofNullable(fields.getProperty(name)).map(Integer::valueOf).orElse(null);
    }

    private static void put(Properties fields, String name, String value) {
        if (value != null) {
            fields.setProperty(name, value);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private record Kept(TenantId tenant, AuditEntry entry) {
    }
}
