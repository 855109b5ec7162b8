package com.mimeeqportal.boot;

import com.mimeeqportal.apikey.KeyVault;
import com.mimeeqportal.apikey.KeysetRotation;
import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.apikey.TenantApiKey;
import com.mimeeqportal.audit.AuditChainHead;
import com.mimeeqportal.audit.AuditEvent;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.audit.ChainMac;
import com.mimeeqportal.audit.Checkpoints;
import com.mimeeqportal.shortcode.GeneratedShortCode;
import com.mimeeqportal.system.Cluster;
import com.mimeeqportal.system.ClusterBus;
import com.mimeeqportal.system.ClusterLeases;
import com.mimeeqportal.system.Database;
import com.mimeeqportal.system.PortalConfig;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.User;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Builds the long-lived resources everything else is handed: the database, the key vault and the audit
 * chain's MAC (the same secret as the vault's fingerprints, read from the MAC keyset file).
 */
@ApplicationScoped
public class Infrastructure {

    /** Every entity the portal maps; Hibernate is bootstrapped without classpath scanning. */
    public static final List<Class<?>> ENTITIES = List.of(Tenant.class, User.class, TenantApiKey.class,
            AuditEvent.class, AuditChainHead.class, GeneratedShortCode.class);

    @Produces
    @Singleton
    Database database(PortalConfig config) {
        return Database.open(config.jdbcUrl(), config.dbUser().orElse(config.dbUrl().isPresent() ? null : "sa"),
                config.dbPassword().orElse(""), config.dbPoolSize(), ENTITIES, config.demoMimeeqBaseUrl());
    }

    void close(@Disposes Database database) {
        database.close();
    }

    /**
     * The vault, which re-reads the keyset file whenever any instance changed it (cluster mode; in a single
     * instance the notice comes from this one, and re-reading is harmless).
     */
    @Produces
    @Singleton
    KeyVault keyVault(PortalConfig config, ClusterBus bus) {
        KeyVault vault = MasterKeysets.load(config.keysetFile(), config.macKeysetFile(), config.demo());
        bus.subscribe(KeysetRotation.KEYSET_CHANGED, ignored -> vault.reload());
        return vault;
    }

    @Produces
    @Singleton
    ClusterLeases clusterLeases(Database database, Cluster cluster) {
        return new ClusterLeases(database, cluster.self(), Clock.systemUTC());
    }

    /** The container's default executor: its threads carry the application's context and end with it. */
    @Resource
    ManagedExecutorService executor;

    /** Produced here because its background batches run on the container's executor, a resource, not a bean. */
    @Produces
    @Singleton
    KeysetRotation keysetRotation(Database database, KeyVault vault, AuditLog audit, Tenants tenants,
                                  ClusterLeases leases, ClusterBus bus, PortalConfig config) {
        return new KeysetRotation(database, vault, audit, tenants, executor, KeysetRotation.BATCH_SIZE, leases, bus,
                config.clusterLease());
    }

    @Produces
    @Singleton
    ChainMac chainMac(PortalConfig config) {
        return new ChainMac(MasterKeysets.mac(config.macKeysetFile(), config.demo()));
    }

    @Produces
    @Singleton
    Checkpoints checkpoints(PortalConfig config, ChainMac mac) {
        return new Checkpoints(config.auditCheckpointDir(), mac);
    }
}
