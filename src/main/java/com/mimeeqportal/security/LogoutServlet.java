package com.mimeeqportal.security;

import com.mimeeqportal.web.PageServlet;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Sign-out is a POST (with the CSRF token), so no link or image elsewhere can sign anyone out. */
@WebServlet("/logout")
public class LogoutServlet extends PageServlet {

    @Inject
    SignedInSessions sessions;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        sessions.signOut(request);
        redirect(request, response, "/login?signedOut");
    }
}
