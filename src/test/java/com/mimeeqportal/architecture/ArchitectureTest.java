package com.mimeeqportal.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.mimeeq.MimeeqHttpClient;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.servlet.http.HttpServlet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md ("Packages and their dependencies"), checked on the portal's
 * production classes. A failure names the offending class and dependency; fix the design, not this test.
 */
class ArchitectureTest {

    private static final String PORTAL = "com.mimeeqportal..";
    /** The shared types every package may use: checks on input, and who a request acts for. */
    private static final String[] SHARED = {"com.mimeeqportal.input..", "com.mimeeqportal.identity.."};

    private static JavaClasses portal;

    @BeforeAll
    static void importPortal() {
        portal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.mimeeqportal");
    }

    private static void check(ArchRule rule) {
        rule.check(portal);
    }

    @Test
    void featurePackagesFormNoCycle() {
        check(slices().matching("com.mimeeqportal.(*)..").should().beFreeOfCycles());
    }

    @Test
    void sharedInputAndIdentityTypesDependOnNoOtherPortalPackage() {
        check(classes().that().resideInAnyPackage(SHARED)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(PORTAL).or(resideInAnyPackage(SHARED))));
    }

    @Test
    void systemDependsOnNoFeature() {
        check(classes().that().resideInAPackage("com.mimeeqportal.system..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(PORTAL)
                        .or(resideInAnyPackage(SHARED)).or(resideInAPackage("com.mimeeqportal.system.."))));
    }

    @Test
    void webDependsOnNoFeature() {
        check(classes().that().resideInAPackage("com.mimeeqportal.web..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(PORTAL)
                        .or(resideInAnyPackage(SHARED))
                        .or(resideInAnyPackage("com.mimeeqportal.web..", "com.mimeeqportal.system.."))));
    }

    @Test
    void nothingDependsOnStartUpWiring() {
        check(noClasses().that().resideOutsideOfPackage("com.mimeeqportal.boot..")
                .should().dependOnClassesThat().resideInAPackage("com.mimeeqportal.boot.."));
    }

    @Test
    void onlyTheMimeeqClientCallsMimeeq() {
        // (The demo seeding fetches the sandbox's demo key with java.net.http; nothing else calls out.)
        check(noClasses().that().doNotHaveFullyQualifiedName(MimeeqHttpClient.class.getName())
                .should().dependOnClassesThat().areAssignableTo(java.net.URLConnection.class)
                .orShould().dependOnClassesThat().resideInAPackage("jakarta.ws.rs.client.."));
    }

    @Test
    void noServletWritesTheAuditLog() {
        check(noClasses().that().areAssignableTo(HttpServlet.class)
                .should().dependOnClassesThat().areAssignableTo(AuditLog.class)
                .because("services audit the work they do; pages only call them"));
    }
}
