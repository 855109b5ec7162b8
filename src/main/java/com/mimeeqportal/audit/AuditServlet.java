package com.mimeeqportal.audit;

import com.mimeeqportal.input.PageRequest;
import com.mimeeqportal.web.PageServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * /admin/audit (ACCOUNT_ADMIN) and /operator/audit (OPERATOR): the caller's own tenant's log (for an
 * operator, the system chain), filtered by a GET form so that every view has a URL, with a daily chart
 * and links to export the same view. Bad filter input answers 400 with the form and its messages.
 */
@WebServlet({"/admin/audit", "/operator/audit"})
public class AuditServlet extends PageServlet {

    static final int PAGE_SIZE = 50;

    @Inject
    AuditSearch search;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var tenant = actor(request).tenant();
        AuditFilterForm.Result parsed = AuditFilterForm.parse(request::getParameter, Clock.systemUTC());
        PageRequest page = parsed.errors().check(() -> PageRequest.parse(request.getParameter("page"), PAGE_SIZE));
        String base = request.getContextPath() + request.getServletPath();
        Map<String, Object> model = new HashMap<>();
        model.put("form", parsed.form());
        model.put("errors", parsed.errors());
        model.put("basePath", request.getServletPath());
        model.put("types", Arrays.asList(AuditEventType.values()));
        model.put("outcomes", Arrays.asList(AuditOutcome.values()));
        model.put("ranges", AuditFilterForm.RANGES);
        if (parsed.errors().any()) {
            render(request, response, HttpServletResponse.SC_BAD_REQUEST, "audit/list", model);
            return;
        }
        AuditFilter filter = parsed.orElseThrow();
        var events = search.page(tenant, filter, page);
        String query = filter.queryString();
        model.put("events", events);
        model.put("chart", search.daily(tenant, filter));
        model.put("previousHref", events.hasPrevious() ? href(base, query, events.number() - 1) : null);
        model.put("nextHref", events.hasNext() ? href(base, query, events.number() + 1) : null);
        model.put("csvHref", base + "/export?format=csv" + (query.isEmpty() ? "" : "&" + query));
        model.put("jsonHref", base + "/export?format=jsonl" + (query.isEmpty() ? "" : "&" + query));
        model.put("verifyHref", base + "/verify");
        render(request, response, "audit/list", model);
    }

    private static String href(String base, String query, int page) {
        return base + "?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
    }

}
