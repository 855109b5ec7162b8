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
import java.util.Map;

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
    Views views;

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
        // The container takes ";jsessionid=" out of the URI before anyone sees it; it still says it was there.
        if (request.getDispatcherType() == DispatcherType.REQUEST
                && (RequestPaths.ambiguous(request.getRequestURI()) || request.isRequestedSessionIdFromURL())) {
            RequestAttributes.assignCorrelationId(request, response);
            PortalRequestFilter.securityHeaders(request, response, false);
            views.render(request, response, HttpServletResponse.SC_BAD_REQUEST, "error", Map.of(
                    "title", Messages.get("error.path.title"), "message", Messages.get("error.path.message")));
            return;
        }
        chain.doFilter(request, response);
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
