package io.gatehouse.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's dependency rules (ARCHITECTURE.md): the domain is plain Java; adapters never import each other. */
class ArchitectureTest {

    private static JavaClasses gatehouse;

    @BeforeAll
    static void importClasses() {
        gatehouse = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.gatehouse");
    }

    @Test
    void domainDependsOnTheJdkOnly() {
        noClasses().that().resideInAPackage("io.gatehouse.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "javax..", "java.sql..",
                        "org.opensaml..", "net.shibboleth..", "com.fasterxml..", "io.netty..", "org.flywaydb..",
                        "org.slf4j..", "reactor..", "org.bouncycastle..")
                .check(gatehouse);
    }

    @Test
    void domainDoesNotDependOnAnyAdapter() {
        noClasses().that().resideInAPackage("io.gatehouse.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatehouse.persistence..", "io.gatehouse.saml..",
                        "io.gatehouse.api..", "io.gatehouse.app..")
                .check(gatehouse);
    }

    @Test
    void persistenceDoesNotDependOnOtherAdapters() {
        noClasses().that().resideInAPackage("io.gatehouse.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatehouse.saml..", "io.gatehouse.api..", "io.gatehouse.app..")
                .check(gatehouse);
    }

    @Test
    void samlDoesNotDependOnOtherAdapters() {
        noClasses().that().resideInAPackage("io.gatehouse.saml..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatehouse.persistence..", "io.gatehouse.api..", "io.gatehouse.app..")
                .allowEmptyShould(true)
                .check(gatehouse);
    }

    @Test
    void apiDoesNotDependOnOtherAdapters() {
        noClasses().that().resideInAPackage("io.gatehouse.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatehouse.persistence..", "io.gatehouse.saml..", "io.gatehouse.app..")
                .check(gatehouse);
    }
}
