package com.mimeeqportal.audit;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes audit entries as they arrive, one row or line each, to a writer: CSV (RFC 4180, text cells
 * neutralised against formula injection) or JSON Lines. Nothing is collected first, so an export of
 * any size needs the memory of one entry.
 */
public final class AuditExport {

    /** One provider for every document: {@code Json.create…} looks the provider up (a ServiceLoader scan) on each call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public enum Format {
        CSV("text/csv", "csv"), JSONL("application/x-ndjson", "jsonl");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }

        /** From the {@code format} query parameter; null if it names no format. */
        public static Format parse(String value) {
            if (value == null) {
                return null;
            }
            for (Format format : values()) {
                if (format.extension.equals(value.toLowerCase(Locale.ROOT))) {
                    return format;
                }
            }
            return null;
        }
    }

    static final String[] COLUMNS = {"seq", "occurred_at", "tenant_id", "actor", "client_ip", "event_type",
            "outcome", "reason", "target", "detail", "http_status", "duration_ms", "correlation_id",
            "prev_hash", "hash"};

    private AuditExport() {
    }

    /** A sink for {@link AuditSearch#stream} that writes each entry in {@code format}; close it at the end. */
    public static Sink to(Format format, Writer out) {
        return format == Format.CSV ? new CsvSink(out) : new JsonLinesSink(out);
    }

    public interface Sink extends Consumer<AuditEvent>, AutoCloseable {
        @Override
        void close() throws IOException;

        /**
         * Ends a file that was cut off (the export's time limit) with a last line that says so, in the file's
         * own format, so that nobody takes it for the whole log.
         */
        void cutOff(String note);
    }

    private static final class CsvSink implements Sink {
        private final CSVPrinter printer;

        CsvSink(Writer out) {
            try {
                this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void accept(AuditEvent e) {
            try {
                printer.printRecord(e.seq(), CanonicalForm.time(e.occurredAt()), text(e.tenantId()), text(e.actor()),
                        text(e.clientIp()), e.type(), e.outcome(), text(e.reason()), text(e.target()),
                        text(e.detail()), e.httpStatus(), e.durationMs(), text(e.correlationId()), e.prevHash(), e.hash());
            } catch (IOException ioe) {
                throw new UncheckedIOException(ioe);
            }
        }

        private static String text(String cell) {
            return CsvCells.neutralise(cell);
        }

        @Override
        public void cutOff(String note) {
            try {
                printer.printRecord("CUT OFF", note);
            } catch (IOException ioe) {
                throw new UncheckedIOException(ioe);
            }
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }

    private static final class JsonLinesSink implements Sink {
        private final Writer out;

        JsonLinesSink(Writer out) {
            this.out = out;
        }

        @Override
        public void cutOff(String note) {
            try {
                out.write(JSON.createObjectBuilder().add("cut_off", note).build().toString());
                out.write('\n');
            } catch (IOException ioe) {
                throw new UncheckedIOException(ioe);
            }
        }

        @Override
        public void accept(AuditEvent e) {
            JsonObjectBuilder line = JSON.createObjectBuilder()
                    .add("seq", e.seq())
                    .add("occurred_at", CanonicalForm.time(e.occurredAt()))
                    .add("tenant_id", e.tenantId());
            text(line, "actor", e.actor());
            text(line, "client_ip", e.clientIp());
            line.add("event_type", e.type().name()).add("outcome", e.outcome().name());
            text(line, "reason", e.reason());
            text(line, "target", e.target());
            text(line, "detail", e.detail());
            if (e.httpStatus() == null) {
                line.addNull("http_status");
            } else {
                line.add("http_status", e.httpStatus());
            }
            if (e.durationMs() == null) {
                line.addNull("duration_ms");
            } else {
                line.add("duration_ms", e.durationMs());
            }
            text(line, "correlation_id", e.correlationId());
            text(line, "prev_hash", e.prevHash());
            text(line, "hash", e.hash());
            try {
                out.write(line.build().toString());
                out.write('\n');
            } catch (IOException ioe) {
                throw new UncheckedIOException(ioe);
            }
        }

        private static void text(JsonObjectBuilder line, String name, String value) {
            if (value == null) {
                line.addNull(name);
            } else {
                line.add(name, value);
            }
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
