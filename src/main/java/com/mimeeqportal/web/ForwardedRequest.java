package com.mimeeqportal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The request as the client made it, when a trusted proxy stands between: the client's address, and
 * {@code https} when the proxy says the client used it. Pages then build {@code https} links, send HSTS,
 * and the session cookie gets {@code Secure}, which the container only sets for its own TLS connections.
 */
final class ForwardedRequest extends HttpServletRequestWrapper {

    private final TrustedProxies.Client client;
    private final HttpServletResponse response;

    ForwardedRequest(HttpServletRequest request, HttpServletResponse response, TrustedProxies.Client client) {
        super(request);
        this.client = client;
        this.response = response;
    }

    @Override
    public String getRemoteAddr() {
        return client.address();
    }

    @Override
    public String getRemoteHost() {
        return client.address();
    }

    @Override
    public String getScheme() {
        return client.https() ? "https" : "http";
    }

    @Override
    public boolean isSecure() {
        return client.https();
    }

    /** The Host header's port if it names one; otherwise the default port of the client's scheme. */
    @Override
    public int getServerPort() {
        if (client.https() == super.isSecure()) {
            return super.getServerPort();
        }
        String host = getHeader("Host");
        if (host != null && host.lastIndexOf(':') > host.lastIndexOf(']')) {
            return super.getServerPort();
        }
        return client.https() ? 443 : 80;
    }

    @Override
    public StringBuffer getRequestURL() {
        int port = getServerPort();
        boolean defaultPort = (client.https() && port == 443) || (!client.https() && port == 80);
        return new StringBuffer(getScheme()).append("://").append(getServerName())
                .append(defaultPort ? "" : ":" + port).append(getRequestURI());
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    @Override
    public HttpSession getSession(boolean create) {
        HttpSession session = super.getSession(create);
        if (session != null && session.isNew()) {
            secureCookie(session.getId());
        }
        return session;
    }

    @Override
    public String changeSessionId() {
        String id = super.changeSessionId();
        secureCookie(id);
        return id;
    }

    /**
     * The container wrote the session cookie without {@code Secure}, judging by its own plain-HTTP connection
     * to the proxy. The portal sets no other cookie, so the header is replaced by one that says
     * {@code Secure} and keeps the attributes of web.xml and payara-web.xml.
     */
    private void secureCookie(String id) {
        if (!client.https() || super.isSecure() || response.isCommitted()) {
            return;
        }
        var config = getServletContext().getSessionCookieConfig();
        String name = config.getName() == null ? "JSESSIONID" : config.getName();
        String path = getContextPath().isEmpty() ? "/" : getContextPath();
        response.setHeader("Set-Cookie", name + "=" + id + "; Path=" + path + "; Secure; HttpOnly; SameSite=Strict");
    }
}
