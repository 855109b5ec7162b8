package com.mimeeqportal.identity;

import java.io.Serializable;

/** Who is signed in, kept in the HTTP session from sign-in on. The tenant comes from here only. */
public record SignedInUser(String userId, Username username, TenantId tenantId, String tenantName, Role role)
        implements Serializable {

    public boolean admin() {
        return role == Role.ACCOUNT_ADMIN;
    }

    public boolean operator() {
        return role == Role.OPERATOR;
    }
}
