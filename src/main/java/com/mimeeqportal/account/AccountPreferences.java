package com.mimeeqportal.account;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.UserPreferences;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.UnaryOperator;

/**
 * A signed-in user's own language and time zone, kept on the account ({@link User#choosePreferences}). Not
 * audited: it changes how pages look to that one person, nothing they may do or see.
 */
@ApplicationScoped
public class AccountPreferences {

    private final Users users;

    @Inject
    public AccountPreferences(Users users) {
        this.users = users;
    }

    protected AccountPreferences() {
        this.users = null;
    }

    /**
     * Applies {@code change} to what the account holds now (the row locked, so a concurrent change of the
     * other field is not lost) and returns the result, for the session to carry from the next page on.
     */
    public UserPreferences choose(Actor actor, UnaryOperator<UserPreferences> change) {
        return users.change(actor.tenant(), actor.user().userId(), user -> {
            UserPreferences chosen = change.apply(user.preferences());
            user.choosePreferences(chosen);
            return chosen;
        }).orElseThrow(UnknownUserException::new);
    }
}
