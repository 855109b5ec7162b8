package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request helpers every page uses: path segments for both kinds of mapping, and forms as typed. */
class PageServletTest {

    /** A request that knows its servlet path, path info and parameters, and nothing else. */
    private static HttpServletRequest request(String servletPath, String pathInfo, Map<String, String> parameters) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getParameter" -> parameters.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void segmentsOfAWildcardMapping() {
        assertEquals(List.of("42", "role"), PageServlet.pathSegments(request("/admin/users", "/42/role", Map.of()), "/admin/users"));
        assertEquals(List.of(), PageServlet.pathSegments(request("/admin/users", "/", Map.of()), "/admin/users"));
        assertEquals(List.of(), PageServlet.pathSegments(request("/admin/users", null, Map.of()), "/admin/users"));
    }

    @Test
    void segmentsOfExactMappings() {
        assertEquals(List.of("test"), PageServlet.pathSegments(request("/admin/api-key/test", null, Map.of()), "/admin/api-key"));
        assertEquals(List.of(), PageServlet.pathSegments(request("/admin/api-key", null, Map.of()), "/admin/api-key"));
    }

    @Test
    void formFieldsAsTypedNeverNull() {
        Map<String, String> form = PageServlet.form(request("/x", null, Map.of("name", " Acme ")), "name", "baseUrl");
        assertEquals(List.of("name", "baseUrl"), List.copyOf(form.keySet()));
        assertEquals(" Acme ", form.get("name"));
        assertEquals("", form.get("baseUrl"));
    }
}
