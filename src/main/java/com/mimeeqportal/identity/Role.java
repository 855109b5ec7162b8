package com.mimeeqportal.identity;

/** What a person may do (SPEC.md §1). The names are the Jakarta Security groups and roles. */
public enum Role {
    OPERATOR, ACCOUNT_ADMIN, SALES;

    public boolean atLeastSales() {
        return this == ACCOUNT_ADMIN || this == SALES;
    }
}
