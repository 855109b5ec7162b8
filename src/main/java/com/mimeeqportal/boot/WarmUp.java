package com.mimeeqportal.boot;

import com.mimeeqportal.input.Messages;
import com.mimeeqportal.web.Views;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The first page's one-time work, done during the start on a thread of its own while the keysets, the migrations
 * and Hibernate take the main thread (about a second and a half): the template engine's set-up (dialects, the
 * expression language, the parser, the templates' resolver) and the messages of every language. Without it the
 * first /login after the ready message paid for it, 0.35–0.53 s against 0.22–0.25 s with it
 * (docs/performance.md, "The first requests after the ready message"). A warm-up that fails costs nothing but the
 * time it would have saved.
 */
@ApplicationScoped
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());

    private final Views views;
    private final RequestContextController requestContext;

    @Inject
    public WarmUp(Views views, RequestContextController requestContext) {
        this.views = views;
        this.requestContext = requestContext;
    }

    protected WarmUp() {
        this.views = null;
        this.requestContext = null;
    }

    void start() {
        Thread.ofPlatform().name("portal-warm-up").daemon().start(this::warmUp);
    }

    private void warmUp() {
        // The templates are read through the ServletContext, which Payara gives out per request.
        requestContext.activate();
        try {
            views.renders();
            for (Locale language : Messages.SUPPORTED) {
                Messages.get(language, "home.today.calls", 1, 0);
            }
        } catch (RuntimeException e) {
            // Not a failure of the start, but said: a warm-up that silently fails hides that it saves nothing.
            LOG.log(Level.INFO, "The warm-up of the first page did not complete: {0}", e.toString());
        } finally {
            requestContext.deactivate();
        }
    }
}
