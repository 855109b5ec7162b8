package com.mimeeqportal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * What a request path means to the portal. The container maps and authorises the decoded, normalised path
 * while {@code getRequestURI()} is the raw one, so any decision made from the raw URI can be walked around
 * ({@code /static/../admin/users}). Paths that the two could read differently are therefore refused
 * ({@link #ambiguous}), and every decision about what a request is uses the container's mapping
 * ({@link #of}).
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * True when the raw request URI has a dot segment ({@code /./}, {@code /../}, a trailing {@code /.} or
     * {@code /..}), an encoded dot, slash, backslash or NUL, a backslash, or a {@code ;} path parameter. No page
     * of the portal needs any of them, and each is a way to make the raw and the mapped path differ.
     */
    public static boolean ambiguous(String rawUri) {
        if (rawUri == null) {
            return true;
        }
        String lower = rawUri.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")
                || lower.contains("%25") || rawUri.indexOf('\\') >= 0 || rawUri.indexOf(';') >= 0) {
            return true;
        }
        for (String segment : rawUri.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** The path within the portal as the container mapped it: servlet path plus path info, never the raw URI. */
    public static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** A file of {@code webapp/static}, served by the container's default servlet. */
    public static boolean isStatic(HttpServletRequest request) {
        return of(request).startsWith("/static/");
    }
}
