package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.TenantId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class AuditExportTest {

    private static final TenantId TENANT = new TenantId("0b6f3c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f");

    @Test
    void formulaCellsAreNeutralised() {
        for (String formula : List.of("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx")) {
            assertEquals("'" + formula, CsvCells.neutralise(formula));
        }
        for (String harmless : List.of("admin@demo.example", "a=b", "/get-product-info", "")) {
            assertEquals(harmless, CsvCells.neutralise(harmless));
        }
        assertEquals(null, CsvCells.neutralise(null));
    }

    @Test
    void csvHasAHeaderAndNeutralisedTextButPlainNumbers() throws Exception {
        AuditEvent event = new AuditEvent(TENANT, 3, "prev", AuditEntry.of(AuditEventType.LOGIN)
                .at(Instant.parse("2026-11-27T10:00:00.5Z")).actor("=HYPERLINK(\"http://x\")")
                .detail("line one\r\nline two, \"quoted\"").target("-1").httpStatus(401).correlationId("c")
                .error("INVALID_INPUT"));
        StringWriter out = new StringWriter();
        try (AuditExport.Sink sink = AuditExport.to(AuditExport.Format.CSV, out)) {
            sink.accept(event);
        }
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertEquals(1, records.size());
        CSVRecord row = records.get(0);
        assertEquals("3", row.get("seq"));
        assertEquals("2026-11-27T10:00:00.500000Z", row.get("occurred_at"));
        assertEquals("'=HYPERLINK(\"http://x\")", row.get("actor"));
        assertEquals("'-1", row.get("target"));
        assertEquals("line one\r\nline two, \"quoted\"", row.get("detail"), "CR/LF kept inside a quoted cell");
        assertEquals("401", row.get("http_status"));
        assertEquals("LOGIN_ERROR", row.get("event_type"));
        assertEquals("prev", row.get("prev_hash"));
    }

    @Test
    void jsonLinesHaveOneObjectPerLineWithNulls() throws Exception {
        AuditEvent event = new AuditEvent(TENANT, 1, "genesis", AuditEntry.of(AuditEventType.LOGOUT)
                .at(Instant.parse("2026-11-27T10:00:00Z")).actor("a\nb").success());
        StringWriter out = new StringWriter();
        try (AuditExport.Sink sink = AuditExport.to(AuditExport.Format.JSONL, out)) {
            sink.accept(event);
            sink.accept(event);
        }
        String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length);
        JsonObject first = Json.createReader(new StringReader(lines[0])).readObject();
        assertEquals("a\nb", first.getString("actor"));
        assertTrue(first.isNull("http_status"));
        assertEquals(1, first.getInt("seq"));
        assertEquals(TENANT.value(), first.getString("tenant_id"));
    }

    @Test
    void theFormatParameterIsStrict() {
        assertEquals(AuditExport.Format.CSV, AuditExport.Format.parse("csv"));
        assertEquals(AuditExport.Format.JSONL, AuditExport.Format.parse("JSONL"));
        assertEquals(null, AuditExport.Format.parse("xlsx"));
        assertEquals(null, AuditExport.Format.parse(null));
    }
}
