package com.mimeeqportal.audit;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.input.Messages;
import com.mimeeqportal.web.PageServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * /admin/audit/export and /operator/audit/export: the filtered view of the list page as a file, CSV or
 * JSON Lines, streamed to the browser while it is read. The export is itself audited first; if that
 * entry cannot be written, nothing is exported. Too many exports of one tenant at once answer 429.
 */
@WebServlet({"/admin/audit/export", "/operator/audit/export"})
public class AuditExportServlet extends PageServlet {

    /** A guess at when another export of the tenant will have finished. */
    private static final int RETRY_AFTER_SECONDS = 30;

    @Inject
    AuditAdministration administration;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = actor(request);
        AuditExport.Format format = AuditExport.Format.parse(request.getParameter("format"));
        if (format == null) {
            badRequest(request, response, new InvalidInputException("format", "validation.audit.format"));
            return;
        }
        AuditFilterForm.Result parsed = AuditFilterForm.parse(request::getParameter, Clock.systemUTC());
        if (parsed.errors().any()) {
            badRequest(request, response, new InvalidInputException("filter", "audit.filter.invalid"));
            return;
        }
        AuditFilter filter = parsed.orElseThrow();
        try {
            export(request, response, actor, format, filter);
        } catch (ExportsBusyException e) {
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            render(request, response, 429, "error", Map.of("title", Messages.get("error.429.title"),
                    "message", Messages.get("audit.export.busy")));
        }
    }

    private void export(HttpServletRequest request, HttpServletResponse response, Actor actor,
                        AuditExport.Format format, AuditFilter filter) throws IOException {
        administration.export(actor, request.getServletPath(), format, filter, () -> {
            response.setContentType(format.contentType() + ";charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"audit-"
                    + (actor.tenant().isSystem() ? "system" : "tenant") + "-" + LocalDate.now(ZoneOffset.UTC) + "."
                    + format.extension() + "\"");
            return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        });
    }
}
