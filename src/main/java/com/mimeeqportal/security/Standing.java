package com.mimeeqportal.security;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.UserPreferences;
import com.mimeeqportal.tenant.Tenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * What the check before every signed-in page needs of a user as the database has them now: whether they may
 * still work, their session epoch, whether they must change the password, their chosen language and zone, and
 * whether their tenant is active (the system tenant of operators always is).
 *
 * <p>{@link #read} gets it with one plain JDBC query joining the user's row to the tenant's. It used to be two
 * entity loads in a Hibernate session; on the lookup page that session cost more than the query itself.
 */
record Standing(boolean enabled, int sessionEpoch, boolean mustChangePassword, UserPreferences preferences,
                boolean tenantActive) {

    private static final String SQL = "select u.enabled, u.session_epoch, u.must_change_password, u.language,"
            + " u.time_zone, u.tenant_id, t.status from portal_user u left join tenant t on t.id = u.tenant_id"
            + " where u.id = ?";

    Standing {
        Objects.requireNonNull(preferences);
    }

    /** The user with id {@code userId} as stored now, in any tenant; empty when there is no such user. */
    static Optional<Standing> read(Connection connection, String userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SQL)) {
            select.setString(1, userId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                boolean tenantActive = new TenantId(row.getString(6)).isSystem()
                        || Tenant.Status.ACTIVE.name().equals(row.getString(7));
                return Optional.of(new Standing(row.getBoolean(1), row.getInt(2), row.getBoolean(3),
                        UserPreferences.stored(row.getString(4), row.getString(5)), tenantActive));
            }
        }
    }
}
