package com.mimeeqportal.system;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Hibernate without generated classes: its "none" byte-code provider, so the WAR need not carry Byte Buddy (4.5 MB,
 * 3,074 classes that Payara's deployment parsed in full at every start, docs/performance.md).
 *
 * <p>Hibernate generates classes for two things: lazy proxies of entities (a lazy to-one association, or
 * {@code getReference}) and byte-code enhancement. The portal uses neither: its entities refer to each other by id,
 * not by association, and enhancement is off ({@link Database}). Without Byte Buddy on the class path Hibernate
 * would choose this provider itself, but hibernate-core's own service file names the Byte Buddy one, whose loading
 * then fails; this contribution (registered in {@code META-INF/services}) puts the choice before that lookup.
 *
 * <p>An entity given a lazy association later fails at the first proxy with Hibernate's message that generating
 * proxies is not allowed: then take Byte Buddy back into the WAR (pom.xml) and remove this class.
 */
public final class NoGeneratedProxies implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        registry.addService(BytecodeProvider.class, new org.hibernate.bytecode.internal.none.BytecodeProviderImpl());
    }
}
