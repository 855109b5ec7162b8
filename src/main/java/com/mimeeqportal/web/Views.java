package com.mimeeqportal.web;

import com.mimeeqportal.input.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.messageresolver.StandardMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The one Thymeleaf engine (built once, as in thymeleafexamples-gtvg) and the way every page is
 * rendered: templates under WEB-INF/templates, text from messages.properties, and the variables every
 * layout needs (who is signed in, the CSRF token, the correlation id).
 */
@ApplicationScoped
public class Views {

    private final JakartaServletWebApplication application;
    private final TemplateEngine engine;
    private final Iterable<LayoutContributor> contributors;

    @Inject
    public Views(ServletContext servletContext, jakarta.enterprise.inject.Instance<LayoutContributor> contributors) {
        this.contributors = contributors;
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
        WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setPrefix("/WEB-INF/templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        StandardMessageResolver messages = new StandardMessageResolver();
        messages.setDefaultMessages(Messages.all());
        this.engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(messages);
    }

    protected Views() {
        this.application = null;
        this.engine = null;
        this.contributors = null;
    }

    /** Whether the engine still renders a template from the WAR; for the liveness check. */
    public boolean renders() {
        org.thymeleaf.context.Context context = new org.thymeleaf.context.Context(Locale.ENGLISH);
        context.setVariable("probe", "alive-probe");
        return engine.process("system/alive", context).contains("alive-probe");
    }

    public void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
                       Map<String, ?> model) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        WebContext context = new WebContext(application.buildExchange(request, response), Locale.ENGLISH);
        var me = RequestAttributes.signedInUser(request);
        context.setVariable("me", me.orElse(null));
        if (me.isPresent()) {
            Map<String, Object> layout = new HashMap<>();
            for (LayoutContributor contributor : contributors) {
                try {
                    contributor.contribute(me.get(), layout);
                } catch (RuntimeException e) {
                    // A banner is an extra: without its data (the database down, say) the page, or the error
                    // page explaining that, is still shown.
                    java.util.logging.Logger.getLogger(Views.class.getName()).fine(() -> "Layout contribution skipped: " + e);
                }
            }
            context.setVariables(layout);
        }
        context.setVariable("csrf", CsrfTokens.token(request));
        context.setVariable("correlationId", RequestAttributes.correlationId(request));
        context.setVariables(new HashMap<>(model));
        engine.process(template, context, response.getWriter());
    }
}
