package com.mimeeqportal.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sets the language (the switch's links, a GET so that it works without JavaScript and before sign-in) or
 * the time zone (the account page's form, a POST with the CSRF token), then goes back to the page it
 * came from. Only a path of this portal is followed back, never another site.
 */
@WebServlet("/preferences")
public class PreferencesServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Preferences.language(request.getParameter("lang")).ifPresent(locale ->
                Preferences.remember(request, response, Preferences.LANGUAGE_COOKIE, locale.getLanguage()));
        back(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Preferences.language(request.getParameter("lang")).ifPresent(locale ->
                Preferences.remember(request, response, Preferences.LANGUAGE_COOKIE, locale.getLanguage()));
        Preferences.zone(request.getParameter("zone")).ifPresent(zone ->
                Preferences.remember(request, response, Preferences.ZONE_COOKIE, zone.getId()));
        back(request, response);
    }

    private static void back(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String back = request.getParameter("back");
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                && back.length() <= 2000 && back.chars().noneMatch(Character::isISOControl);
        response.sendRedirect(request.getContextPath() + (local ? back : "/"));
    }
}
