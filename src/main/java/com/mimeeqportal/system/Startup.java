package com.mimeeqportal.system;

import com.mimeeqportal.apikey.KeyVault;
import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.demo.DemoSeeder;
import com.mimeeqportal.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.logging.Logger;

/**
 * Everything that happens once when the application starts, in order: keysets (a production portal
 * without them stops here, saying why), database migrations, demo seeding, and the ready message.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored, PortalConfig config,
               KeyVault keyVault, Database database, AuditLog audit, Instance<DemoSeeder> demoSeeder) {
        List<String> announcements = config.demo() ? demoSeeder.get().seed() : List.of();
        audit.record(TenantId.SYSTEM, AuditEntry.of(AuditEventType.STARTUP).actor("system")
                .detail("mode " + config.mode().name().toLowerCase(java.util.Locale.ROOT)).success());
        StringBuilder banner = new StringBuilder()
                .append("\n\n  Mimeeq Portal is ready at http://localhost:").append(config.httpPort()).append("/")
                .append("  (").append(config.mode().name().toLowerCase(java.util.Locale.ROOT)).append(" mode, data in ")
                .append(config.dataDir()).append(", ")
                .append(ManagementFactory.getRuntimeMXBean().getUptime()).append(" ms after JVM start)\n");
        if (!announcements.isEmpty()) {
            banner.append("\n  Demo users created now; these passwords are shown this once:\n");
            announcements.forEach(line -> banner.append(line).append('\n'));
        }
        LOG.info(banner.toString());
    }
}
