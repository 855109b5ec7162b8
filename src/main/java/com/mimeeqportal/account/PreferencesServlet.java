package com.mimeeqportal.account;

import com.mimeeqportal.identity.UserPreferences;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.web.PageServlet;
import com.mimeeqportal.web.Preferences;
import com.mimeeqportal.web.RequestAttributes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Sets the language ({@code lang}) and the time zone ({@code zone}), then goes back to the page it came from.
 * Signed in, the choice is kept on the account (a POST with the CSRF token: the header's switch and the
 * account page's form) and applies from the next page, in every browser. Signed out, it is kept in cookies of
 * this browser (the switch on the sign-in page is a plain link, a GET, so that it works without JavaScript
 * and before any session exists); a GET never changes an account. A field not sent keeps its value; a value
 * that is not offered is refused with 400. Only a path of this portal is followed back, never another site.
 */
@WebServlet("/preferences")
public class PreferencesServlet extends PageServlet {

    @Inject
    AccountPreferences preferences;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            UnaryOperator<UserPreferences> change = UserPreferences.fromForm(request.getParameter("lang"), null);
            Preferences.rememberInCookies(request, response, change.apply(UserPreferences.NONE));
        } catch (InvalidInputException e) {
            badRequest(request, response, e);
            return;
        }
        back(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            UnaryOperator<UserPreferences> change = UserPreferences.fromForm(request.getParameter("lang"),
                    request.getParameter("zone"));
            if (RequestAttributes.signedInUser(request).isPresent()) {
                UserPreferences chosen = preferences.choose(actor(request), change);
                RequestAttributes.keepPreferences(request.getSession(false), chosen);
            } else {
                Preferences.rememberInCookies(request, response, change.apply(UserPreferences.NONE));
            }
        } catch (InvalidInputException e) {
            badRequest(request, response, e);
            return;
        }
        back(request, response);
    }

    private static void back(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String back = request.getParameter("back");
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                && back.length() <= 2000 && back.chars().noneMatch(Character::isISOControl);
        response.sendRedirect(request.getContextPath() + (local ? back : "/"));
    }
}
