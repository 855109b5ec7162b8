package com.mimeeqportal.web;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.input.Messages;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every page servlet shares: rendering, redirects, the 400 page for bad query parameters, the signed-in
 * actor, the path segments after the servlet's own path, and form fields as typed.
 */
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

    /** The signed-in person behind a protected page; web.xml lets nobody else reach one. */
    protected static Actor actor(HttpServletRequest request) {
        return RequestAttributes.actor(request);
    }

    /**
     * The path below the servlet's mapping, split at "/": for {@code /admin/users/*}, the request
     * {@code /admin/users/42/role} gives {@code [42, role]}; {@code /admin/users} and {@code /admin/users/}
     * give an empty list. For a servlet mapped to exact paths, the part after {@code base}:
     * {@code /admin/api-key/test} with base {@code /admin/api-key} gives {@code [test]}.
     */
    protected static List<String> pathSegments(HttpServletRequest request, String base) {
        String rest = request.getPathInfo() != null ? request.getPathInfo()
                : request.getServletPath().startsWith(base) ? request.getServletPath().substring(base.length()) : "";
        return Arrays.stream(rest.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }

    /** Form fields as typed (never null), in the order named, to show a form again as it was sent. */
    protected static Map<String, String> form(HttpServletRequest request, String... names) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : names) {
            form.put(name, field(request, name));
        }
        return form;
    }
}
