package com.mimeeqportal.web;

import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.input.Messages;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** What every page servlet shares: rendering, redirects, and the 400 page for bad query parameters. */
public abstract class PageServlet extends HttpServlet {

    @Inject
    protected Views views;

    protected void render(HttpServletRequest request, HttpServletResponse response, String template,
                          Map<String, ?> model) throws IOException {
        views.render(request, response, HttpServletResponse.SC_OK, template, model);
    }

    protected void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
                          Map<String, ?> model) throws IOException {
        views.render(request, response, status, template, model);
    }

    protected void badRequest(HttpServletRequest request, HttpServletResponse response, InvalidInputException e)
            throws IOException {
        views.render(request, response, HttpServletResponse.SC_BAD_REQUEST, "error", Map.of(
                "title", Messages.get("error.400.title"),
                "message", Messages.get(e.messageKey(), e.arguments().toArray())));
    }

    /** Post/redirect/get: the browser's back and reload buttons never resubmit a form. */
    protected void redirect(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        response.sendRedirect(request.getContextPath() + path);
    }

    /** A form field, or the empty string; never null, so forms can be shown again as typed. */
    protected static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }
}
