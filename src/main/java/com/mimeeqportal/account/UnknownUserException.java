package com.mimeeqportal.account;

/** The id names no user of the caller's tenant: answered 404, whether it is another tenant's or nobody's. */
public final class UnknownUserException extends RuntimeException {

    public UnknownUserException() {
        super("No such user in this tenant", null, false, false);
    }
}
