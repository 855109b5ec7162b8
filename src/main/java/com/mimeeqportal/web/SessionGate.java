package com.mimeeqportal.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Decides, before every page, whether a signed-in session may go on. The request filter asks; the
 * security package answers (it knows users and tenants, which this package must not), so the interface
 * is the seam that keeps the dependency pointing from features to {@code web} and never back.
 */
public interface SessionGate {

    /** False when the gate has answered the request itself (a redirect to sign in again, say). */
    boolean admit(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException, ServletException;
}
