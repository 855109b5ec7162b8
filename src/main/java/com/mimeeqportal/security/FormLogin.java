package com.mimeeqportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in through Jakarta Security: the portal's own login page posts to {@code LoginServlet},
 * which calls {@code SecurityContext.authenticate}; protected pages send anonymous visitors to /login.
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login", errorPage = "", useForwardToLogin = false))
public class FormLogin {
}
