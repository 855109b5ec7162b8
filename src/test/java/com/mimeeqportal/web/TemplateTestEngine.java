package com.mimeeqportal.web;

import com.mimeeqportal.identity.SignedInUser;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/** The portal's templates and messages in a plain Thymeleaf engine, for template tests without a server. */
public final class TemplateTestEngine {

    private TemplateTestEngine() {
    }

    public static TemplateEngine create() {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix("webapp/WEB-INF/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setDialect(OgnlSetup.dialect()); // as Views does
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new PortalMessageResolver()); // as Views sets it up
        // Outside a servlet container there is no context path; links are rendered as written.
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
                return "";
            }
        });
        return engine;
    }

    /**
     * A context with what {@code Views} gives every page of {@code me}: who is signed in, the parts of the menu
     * they see, a CSRF token and the language list. A test adds its page's model.
     */
    public static Context signedIn(Locale locale, SignedInUser me) {
        Context context = new Context(locale);
        context.setVariable("me", me);
        context.setVariable("menu", Views.Menu.of(me));
        context.setVariable("csrf", "token");
        context.setVariable("languages", Views.Language.SUPPORTED);
        context.setVariable("language", locale.getLanguage());
        return context;
    }
}
