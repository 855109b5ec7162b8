package com.mimeeqportal.audit;

import com.mimeeqportal.identity.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.query.SelectionQuery;

/**
 * The HQL condition of an {@link AuditFilter} for one tenant, with its parameters. The tenant is
 * spelt out although {@code @TenantId} filters too: the system tenant is Hibernate's root and would
 * otherwise see every tenant's entries.
 */
final class AuditQuery {

    private final StringBuilder where = new StringBuilder(
            " where e.tenantId = :tenant and e.occurredAt >= :from and e.occurredAt < :to");
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    AuditQuery(TenantId tenant, AuditFilter filter) {
        parameters.put("tenant", tenant.value());
        parameters.put("from", filter.from());
        parameters.put("to", filter.to());
        if (filter.actor() != null) {
            where.append(" and lower(e.actor) = :actor");
            parameters.put("actor", filter.actor());
        }
        if (filter.type() != null) {
            where.append(" and e.type = :type");
            parameters.put("type", filter.type());
        }
        if (filter.outcome() != null) {
            where.append(" and e.outcome = :outcome");
            parameters.put("outcome", filter.outcome());
        }
        if (filter.target() != null) {
            where.append(" and e.target like :target escape '!'");
            parameters.put("target", contains(filter.target()));
        }
        if (filter.text() != null) {
            where.append(" and (lower(e.detail) like :text escape '!' or lower(e.target) like :text escape '!'"
                    + " or lower(e.actor) like :text escape '!')");
            parameters.put("text", contains(filter.text()));
        }
    }

    String where() {
        return where.toString();
    }

    <Q extends SelectionQuery<?>> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    /** A LIKE pattern matching {@code text} anywhere, its wildcards taken literally. */
    static String contains(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
