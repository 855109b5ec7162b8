package com.mimeeqportal.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.tenant.Tenant;
import java.util.UUID;
import org.hibernate.HibernateException;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * The portal's Hibernate generates no classes: its provider is Hibernate's "none" one even where Byte Buddy is on
 * the class path (Selenium brings it to this test's), so the tests run Hibernate as the WAR, which has no Byte
 * Buddy, does.
 */
class NoGeneratedProxiesTest {

    @Test
    void hibernateRunsWithoutGeneratedProxies() {
        try (Database database = Database.open("jdbc:h2:mem:no-proxies-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "", 2, Infrastructure.ENTITIES)) {
            BytecodeProvider provider = database.inTenant(TenantId.SYSTEM, session -> session.getSessionFactory()
                    .unwrap(SessionFactoryImplementor.class).getServiceRegistry().getService(BytecodeProvider.class));
            assertEquals(org.hibernate.bytecode.internal.none.BytecodeProviderImpl.class, provider.getClass());

            // What the class comment warns of: a proxy, as a lazy association would need, is refused.
            HibernateException refused = assertThrows(HibernateException.class, () -> database.inTenant(TenantId.SYSTEM,
                    session -> session.getReference(Tenant.class, "nobody").toString()));
            assertTrue(String.valueOf(refused.getMessage()).contains("BytecodeProvider"), refused.getMessage());
        }
    }
}
