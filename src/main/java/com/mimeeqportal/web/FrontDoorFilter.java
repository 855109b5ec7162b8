package com.mimeeqportal.web;

import com.mimeeqportal.input.Messages;
import com.mimeeqportal.system.PortalConfig;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

/**
 * The first filter of every request (declared first in web.xml, so the order does not depend on annotation
 * scanning): refuses with 400 any path the container and the portal could read differently
 * ({@link RequestPaths#ambiguous}), before any other filter or servlet runs; and, for a peer that is a
 * trusted proxy, hands the rest of the portal the request as the client made it ({@link ForwardedRequest}).
 * It also runs for error pages, so that a refusal written by the container is audited with the client's
 * address rather than the proxy's.
 */
public class FrontDoorFilter extends HttpFilter {

    @Inject
    PortalConfig config;

    private TrustedProxies proxies = TrustedProxies.none();

    @Override
    public void init() {
        proxies = TrustedProxies.parse(config.trustedProxies());
    }

    @Override
    protected void doFilter(HttpServletRequest original, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = asTheClientMadeIt(original, response);
        // Payara takes ";jsessionid=" out of the URI before any filter sees it and, despite cookie-only tracking,
        // still uses a known id from it; isRequestedSessionIdFromURL is what is left to tell.
        if (request.getDispatcherType() == DispatcherType.REQUEST
                && (RequestPaths.ambiguous(request.getRequestURI()) || request.isRequestedSessionIdFromURL())) {
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The 400 page, written here rather than through the layout: it must not touch the session (which may be
     * someone else's, named in the URL), show who is signed in, or create a session for an anonymous probe.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String correlationId = RequestAttributes.assignCorrelationId(request, response);
        PortalRequestFilter.securityHeaders(request, response, false);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/html;charset=UTF-8");
        String home = request.getContextPath() + "/";
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>"
                + html(Messages.get("error.path.title")) + "</title><link rel=\"stylesheet\" href=\""
                + html(request.getContextPath()) + "/static/portal.css\"></head>\n<body><main id=\"content\">\n<h1>"
                + html(Messages.get("error.path.title")) + "</h1>\n<p>" + html(Messages.get("error.path.message"))
                + "</p>\n<p class=\"reference\">" + html(Messages.get("error.reference", correlationId))
                + "</p>\n<p><a href=\"" + html(home) + "\">" + html(Messages.get("error.back"))
                + "</a></p>\n</main></body>\n</html>\n");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private HttpServletRequest asTheClientMadeIt(HttpServletRequest request, HttpServletResponse response) {
        if (proxies.isEmpty() || !proxies.trusts(request.getRemoteAddr())) {
            return request;
        }
        TrustedProxies.Client client = proxies.client(request.getRemoteAddr(), request.isSecure(),
                Collections.list(request.getHeaders("X-Forwarded-For")), request.getHeader("X-Forwarded-Proto"));
        request.setAttribute(RequestAttributes.CLIENT_IP, client.address());
        return new ForwardedRequest(request, response, client);
    }
}
