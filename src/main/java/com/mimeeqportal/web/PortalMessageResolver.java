package com.mimeeqportal.web;

import com.mimeeqportal.input.Messages;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/**
 * Thymeleaf's {@code #{key(args)}}: the message in the page's language, formatted by {@link Messages} exactly
 * as Java code formats it (plural forms, {@code ''} for an apostrophe, with or without arguments).
 */
public final class PortalMessageResolver extends AbstractMessageResolver {

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        if (Messages.all(context.getLocale()).getProperty(key) == null) {
            return null;
        }
        return Messages.get(context.getLocale(), key, messageParameters);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                    Object[] messageParameters) {
        return "??" + key + "_" + context.getLocale() + "??";
    }
}
