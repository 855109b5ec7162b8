package com.mimeeqportal.boot;

import com.mimeeqportal.apikey.KeyVault;
import com.mimeeqportal.apikey.ReencryptionWatch;
import com.mimeeqportal.audit.AuditChainSealer;
import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.audit.AuditSchedule;
import com.mimeeqportal.demo.DemoSeeder;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.Database;
import com.mimeeqportal.system.Cluster;
import com.mimeeqportal.system.PortalConfig;
import com.mimeeqportal.user.InitialUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything that happens once when the application starts, in order: keysets (a production portal
 * without them stops here, saying why), database migrations, sealing audit entries from before the
 * hash chain, the operator account, demo seeding, and the ready message. A failed start ends the JVM,
 * so nobody mistakes a half-started portal for a working one. The initial users are announced during the start
 * and created after the ready message (their password hashes take seconds of CPU, which the start needs); one
 * that cannot be created is logged and tried again at the next start (see InitialUsers).
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored, PortalConfig config,
               Instance<KeyVault> keyVault, Instance<Database> database, Instance<AuditLog> audit,
               Instance<AuditChainSealer> sealer, Instance<InitialUsers> initialUsers,
               Instance<DemoSeeder> demoSeeder, Instance<Cluster> cluster, Instance<AuditSchedule> auditSchedule,
               Instance<ReencryptionWatch> reencryptionWatch, Instance<WarmUp> warmUp) {
        try {
            warmUp.get().start();
            keyVault.get();
            database.get();
            String clustering = cluster.get().start();
            sealer.get().sealLegacyEntries();
            List<String> announcements = new ArrayList<>();
            // Initial users are announced now and hashed after the banner, on threads of their own: readiness does
            // not wait for them, and a sign-in that comes first waits for its user (InitialUsers.awaitCreation).
            initialUsers.get().ensure(TenantId.SYSTEM, "operator", Role.OPERATOR,
                    config.operatorInitialPassword(), config.operatorPasswordProperty()).ifPresent(announcements::add);
            if (config.demo()) {
                announcements.addAll(demoSeeder.get().seed());
            }
            audit.get().record(TenantId.SYSTEM, AuditEntry.of(AuditEventType.STARTUP).actor("system")
                    .detail("mode " + mode(config) + ", " + clustering).success());
            // The timers last: no job runs on a portal whose start failed.
            auditSchedule.get().start();
            reencryptionWatch.get().start();
            LOG.info(banner(config, announcements, clustering));
            initialUsers.get().createAnnounced();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "\n\n  Mimeeq Portal cannot start: " + rootMessage(e) + "\n", e);
            if (config.exitOnStartupFailure()) {
                // From another thread: the deployment in progress must be allowed to fail and unwind.
                new Thread(() -> System.exit(78), "portal-startup-failure").start();
            }
            throw e;
        }
    }

    private static String banner(PortalConfig config, List<String> announcements, String clustering) {
        StringBuilder banner = new StringBuilder()
                .append("\n\n  Mimeeq Portal is ready at http://localhost:").append(config.listeningPort()).append("/")
                .append("  (").append(mode(config)).append(" mode, data in ").append(config.dataDir()).append(", ")
                .append(ManagementFactory.getRuntimeMXBean().getUptime()).append(" ms after JVM start)\n")
                .append("  ").append(clustering).append('\n');
        if (!announcements.isEmpty()) {
            banner.append("\n  Users created now; generated passwords are shown this once:\n");
            announcements.forEach(line -> banner.append(line).append('\n'));
        }
        return banner.toString();
    }

    private static String mode(PortalConfig config) {
        return config.mode().name().toLowerCase(Locale.ROOT);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
