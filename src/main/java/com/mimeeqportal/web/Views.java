package com.mimeeqportal.web;

import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.input.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The one Thymeleaf engine (built once, as in thymeleafexamples-gtvg) and the way every page is
 * rendered: templates under WEB-INF/templates, text from messages*.properties in the person's language, and the
 * variables every layout needs (who is signed in, the CSRF token of an existing session, the correlation id).
 * Rendering never starts a session: only the login form does, for its CSRF token.
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
        this.engine = new TemplateEngine();
        engine.setDialect(OgnlSetup.dialect());
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new PortalMessageResolver());
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
        Locale locale = Preferences.locale(request);
        response.setLocale(locale);
        WebContext context = new WebContext(application.buildExchange(request, response), locale);
        var me = RequestAttributes.signedInUser(request);
        context.setVariable("me", me.orElse(null));
        if (me.isPresent()) {
            context.setVariable("menu", Menu.of(me.get()));
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
        context.setVariable("csrf", CsrfTokens.forPage(request));
        context.setVariable("correlationId", RequestAttributes.correlationId(request));
        context.setVariable("languages", Language.SUPPORTED);
        // The page's language as a plain variable: #locale.language costs each use an OGNL evaluation.
        context.setVariable("language", locale.getLanguage());
        java.time.ZoneId zone = Preferences.zone(request);
        context.setVariable("zone", zone.equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId()); // as the list names it
        context.setVariable("zones", Preferences.ZONES);
        context.setVariable("currentPath", currentPath(request));
        context.setVariables(new HashMap<>(model));
        // The whole page first, then sent with its length in one write, rather than chunked as Thymeleaf writes:
        // the client gets the page in one piece, not the page and then the chunked encoding's end in a packet of
        // its own. A template that fails also fails before anything is sent, so its error page is the whole answer.
        StringWriter page = new StringWriter(8192);
        engine.process(template, context, page);
        String html = page.toString();
        response.setContentLength(html.getBytes(StandardCharsets.UTF_8).length);
        response.getWriter().write(html);
    }

    /**
     * Which parts of the navigation the signed-in person sees. Worked out here, not by method calls in the layout's
     * conditions: method calls in expressions, each through OGNL and Thymeleaf's checks, were about an eighth of a
     * lookup page's render in a profile, most of them in the layout (docs/performance.md).
     */
    public record Menu(boolean sales, boolean admin, boolean operator) {

        static Menu of(SignedInUser me) {
            return new Menu(me.role().atLeastSales(), me.admin(), me.operator());
        }
    }

    /** A language the portal speaks, with its name in that language: the switch in the layout and the form. */
    public record Language(String language, String name) {

        static final List<Language> SUPPORTED = Messages.SUPPORTED.stream()
                .map(locale -> new Language(locale.getLanguage(), locale.getDisplayLanguage(locale))).toList();
    }

    /** The page as requested (path and query), for the language switch to come back to; POSTs go to the path. */
    private static String currentPath(HttpServletRequest request) {
        Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
        String uri = forwarded != null ? forwarded.toString() : request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        String query = request.getQueryString();
        return "GET".equals(request.getMethod()) && query != null && forwarded == null ? path + "?" + query : path;
    }
}
