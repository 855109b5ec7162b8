package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPathsTest {

    @Test
    void pathsTheContainerCouldReadDifferentlyAreAmbiguous() {
        for (String path : List.of("/static/../admin/users", "/static/%2e%2e/admin/users", "/static/%2E%2E/admin/users",
                "/static/.%2e/admin/users", "/x/..;/admin/users", "/admin/./users", "/%2e/admin/users", "/admin%2fusers",
                "/admin%2Fusers", "/admin/users;x=y", "/admin;jsessionid=1/users", "/admin/users/..", "/admin/users/.",
                "/admin\\users", "/static/..%5cadmin/users", "/static/%252e%252e/admin", "/catalog%00", "/..", "/.")) {
            assertTrue(RequestPaths.ambiguous(path), path);
        }
    }

    @Test
    void thePortalsOwnPathsAreNot() {
        for (String path : List.of("/", "/catalog", "/catalog/prod-1.2_x", "/admin/users/6c8e8c8-61f4/disable",
                "/static/portal.css", "/products/lookup", "/a..b/c.", "/.well-known/x", "/login")) {
            assertFalse(RequestPaths.ambiguous(path), path);
        }
    }
}
