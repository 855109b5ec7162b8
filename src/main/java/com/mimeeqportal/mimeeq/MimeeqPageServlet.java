package com.mimeeqportal.mimeeq;

import com.mimeeqportal.web.PageServlet;
import com.mimeeqportal.web.Views;
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

    /**
     * The page of an answer whose audit entry is still being written ({@link PendingResult}): rendered with the
     * answer as {@code answerName} while the entry is written, and sent once it is. If it could not be written,
     * the rendered page is dropped and the failure shown instead, as for any other failure.
     */
    protected <T> void renderWhenAudited(HttpServletRequest request, HttpServletResponse response,
                                         PendingResult<T> pending, String template, Map<String, ?> model,
                                         String answerName) throws IOException {
        switch (pending.provisional()) {
            case MimeeqResult.Ok<T> answer -> {
                Map<String, Object> withAnswer = new HashMap<>(model);
                withAnswer.put(answerName, answer.value());
                Views.Prepared page = views.prepare(request, response, HttpServletResponse.SC_OK, template, withAnswer);
                switch (pending.audited()) {
                    case MimeeqResult.Ok<T> audited -> page.send();
                    case MimeeqResult.Failed<T> unaudited -> {
                        page.drop();
                        renderFailure(request, response, unaudited.failure(), template, model);
                    }
                }
            }
            case MimeeqResult.Failed<T> failed -> renderFailure(request, response,
                    pending.audited() instanceof MimeeqResult.Failed<T> audited ? audited.failure() : failed.failure(),
                    template, model);
        }
    }
}
