package com.mimeeqportal.shortcode;

import com.mimeeqportal.catalog.Catalog;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.input.Page;
import com.mimeeqportal.input.PageRequest;
import com.mimeeqportal.mimeeq.ConfigurationCode;
import com.mimeeqportal.mimeeq.MimeeqGateway;
import com.mimeeqportal.mimeeq.MimeeqResult;
import com.mimeeqportal.mimeeq.ProductId;
import com.mimeeqportal.mimeeq.ProductSummary;
import com.mimeeqportal.mimeeq.ShortCode;
import com.mimeeqportal.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.hibernate.query.SelectionQuery;

/**
 * Generating short codes through Mimeeq and keeping the tenant's history of them. Sales staff see the
 * codes they generated; account admins see everyone's in the tenant.
 */
@ApplicationScoped
public class ShortCodes {

    private final MimeeqGateway gateway;
    private final Catalog catalog;
    private final Database database;

    @Inject
    public ShortCodes(MimeeqGateway gateway, Catalog catalog, Database database) {
        this.gateway = gateway;
        this.catalog = catalog;
        this.database = database;
    }

    protected ShortCodes() {
        this(null, null, null);
    }

    public MimeeqResult<ShortCode> generate(Actor actor, ProductId productId, ConfigurationCode configuration) {
        MimeeqResult<ShortCode> result = gateway.generateShortCode(actor, productId, configuration);
        if (result instanceof MimeeqResult.Ok<ShortCode> ok) {
            String name = catalog.cachedProduct(actor.tenant(), productId).map(ProductSummary::name).orElse(null);
            database.runInTenant(actor.tenant(), session -> session.persist(new GeneratedShortCode(
                    ok.value().value(), productId.value(), name, configuration.value(), actor.user().userId(),
                    actor.user().username().value(), Instant.now())));
        }
        return result;
    }

    /** The history, newest first; {@code search} matches code, product or configuration. */
    public Page<GeneratedShortCode> history(Actor actor, String search, PageRequest page) {
        boolean everyone = actor.user().admin();
        String text = "%" + search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = " where (:everyone = true or g.createdByUserId = :user)"
                + " and (lower(g.shortCode) like :text escape '\\' or lower(g.productId) like :text escape '\\'"
                + " or lower(coalesce(g.productName, '')) like :text escape '\\'"
                + " or lower(g.configurationCode) like :text escape '\\')";
        return database.inTenant(actor.tenant(), session -> {
            SelectionQuery<Long> count = session.createSelectionQuery(
                    "select count(g) from GeneratedShortCode g" + where, Long.class);
            SelectionQuery<GeneratedShortCode> rows = session.createSelectionQuery(
                    "from GeneratedShortCode g" + where + " order by g.createdAt desc", GeneratedShortCode.class);
            for (SelectionQuery<?> query : List.of(count, rows)) {
                query.setParameter("everyone", everyone).setParameter("user", actor.user().userId())
                        .setParameter("text", text);
            }
            List<GeneratedShortCode> items = rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
            return new Page<>(items, page.number(), page.size(), count.getSingleResult());
        });
    }
}
