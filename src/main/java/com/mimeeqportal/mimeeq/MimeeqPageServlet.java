package com.mimeeqportal.mimeeq;

import com.mimeeqportal.web.PageServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A page that calls Mimeeq: {@link PageServlet} plus the one way to show a Mimeeq failure. It lives here,
 * not in {@code web}, because the web layer knows no feature.
 */
public abstract class MimeeqPageServlet extends PageServlet {

    /** The page of its own for a failure, for pages with nothing else to show. */
    protected static final String FAILURE_PAGE = "mimeeq/failure";

    /**
     * Renders {@code template} with {@code model} and the failure in words (the {@code fragments/mimeeq ::
     * failure} fragment), the status code the failure calls for and its {@code Retry-After}. Form pages pass
     * their own template, so the failure shows beside the form; others pass {@link #FAILURE_PAGE}.
     */
    protected void renderFailure(HttpServletRequest request, HttpServletResponse response, MimeeqFailure failure,
                                 String template, Map<String, ?> model) throws IOException {
        Map<String, Object> withFailure = new HashMap<>(model);
        withFailure.putAll(MimeeqFailurePage.model(failure, actor(request)));
        if (failure.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(failure.retryAfterSeconds()));
        }
        render(request, response, MimeeqFailurePage.status(failure), template, withFailure);
    }
}
