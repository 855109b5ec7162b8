package com.mimeeqportal.identity;

/**
 * What a person may do: the operator runs the portal and its tenants, an account admin manages one tenant's
 * users, key and audit log, sales staff use the Mimeeq pages (README, "What works today"). The names are the
 * Jakarta Security groups and roles.
 */
public enum Role {
    OPERATOR, ACCOUNT_ADMIN, SALES;

    public boolean atLeastSales() {
        return this == ACCOUNT_ADMIN || this == SALES;
    }
}
