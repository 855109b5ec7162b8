package com.mimeeqportal.system;

import com.mimeeqportal.apikey.KeyVault;
import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.apikey.TenantApiKey;
import com.mimeeqportal.audit.AuditEvent;
import com.mimeeqportal.shortcode.GeneratedShortCode;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Builds the two long-lived resources everything else is handed: the database and the key vault. */
@ApplicationScoped
public class Infrastructure {

    /** Every entity the portal maps; Hibernate is bootstrapped without classpath scanning. */
    public static final List<Class<?>> ENTITIES = List.of(Tenant.class, User.class, TenantApiKey.class, AuditEvent.class,
            GeneratedShortCode.class);

    @Produces
    @Singleton
    Database database(PortalConfig config) {
        String url = config.dbUrl().orElseGet(() -> Database.h2Url(config.dataDir()));
        return Database.open(url, config.dbUser().orElse(config.dbUrl().isPresent() ? null : "sa"),
                config.dbPassword().orElse(""), config.dbPoolSize(), ENTITIES);
    }

    void close(@Disposes Database database) {
        database.close();
    }

    @Produces
    @Singleton
    KeyVault keyVault(PortalConfig config) {
        return MasterKeysets.load(config.keysetFile(), config.macKeysetFile(), config.demo());
    }
}
