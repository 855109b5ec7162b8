package com.mimeeqportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Form sign-in through Jakarta Security: the portal's own login page posts to {@code LoginServlet}, which
 * calls {@code SecurityContext.authenticate} with the typed credential; this mechanism checks it against
 * {@link PortalIdentityStore}, and the session keeps the caller from then on ({@link AutoApplySession}).
 *
 * <p>Not the built-in custom-form mechanism: its "login to continue" saves the protected request in a new
 * session before redirecting, so every anonymous request for a protected page would start a session, and
 * a flood of them would fill the heap. Here a protected page sends an anonymous visitor to /login and
 * keeps nothing; after signing in, everyone starts from their dashboard (or the password page) anyway.
 */
@ApplicationScoped
@AutoApplySession
public class FormLogin implements HttpAuthenticationMechanism {

    private final IdentityStoreHandler identityStores;

    @Inject
    public FormLogin(IdentityStoreHandler identityStores) {
        this.identityStores = identityStores;
    }

    protected FormLogin() {
        this.identityStores = null;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return context.notifyContainerAboutLogin(identityStores.validate(credential));
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + "/login");
        }
        return context.doNothing();
    }
}
