package com.mimeeqportal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error pages all land here (web.xml). The page names the status in words and the
 * correlation id; the exception goes to the server log only, never to the browser.
 */
@WebServlet("/error")
public class ErrorServlet extends PageServlet {

    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null) {
            LOG.log(Level.SEVERE, "Request " + RequestAttributes.correlationId(request) + " failed", failure);
        }
        String key = switch (status) {
            case 400, 401, 403, 404, 405 -> "error." + status;
            default -> status >= 500 ? "error.500" : "error.400";
        };
        render(request, response, status, "error", Map.of(
                "title", Messages.get(key + ".title"), "message", Messages.get(key + ".message")));
    }
}
