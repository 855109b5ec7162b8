package com.mimeeqportal.account;

import com.mimeeqportal.identity.Username;

/** The change would leave the tenant without an enabled account admin, and nobody could manage it. */
public final class LastAdminException extends RuntimeException {

    private final transient Username username;

    public LastAdminException(Username username) {
        super("The tenant's last active admin", null, false, false);
        this.username = username;
    }

    public Username username() {
        return username;
    }
}
