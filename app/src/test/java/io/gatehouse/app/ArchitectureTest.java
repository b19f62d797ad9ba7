package io.gatehouse.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** Every adapter module's package; the domain depends on none of them, and none on another. */
    private static final List<String> ADAPTERS = List.of("io.gatehouse.persistence..", "io.gatehouse.saml..", "io.gatehouse.dns..",
            "io.gatehouse.mail..", "io.gatehouse.crypto..", "io.gatehouse.api..", "io.gatehouse.app..");

    @Test
    void domainDoesNotDependOnAnyAdapter() {
        noClasses().that().resideInAPackage("io.gatehouse.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS.toArray(String[]::new))
                .check(gatehouse);
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.gatehouse.persistence..", "io.gatehouse.saml..", "io.gatehouse.dns..", "io.gatehouse.mail..",
            "io.gatehouse.crypto..", "io.gatehouse.api.."})
    void anAdapterDoesNotDependOnAnotherAdapter(String adapter) {
        noClasses().that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS.stream().filter(a -> !a.equals(adapter)).toArray(String[]::new))
                .allowEmptyShould(true)
                .check(gatehouse);
    }

    /**
     * The composition root wires; it does no cryptography. Keys, hashes, ciphers and JWTs live in the
     * crypto adapter (and SAML signatures in the saml adapter); app may only hand a SecureRandom along.
     * Micronaut's generated bean definitions ({@code $...$Definition}) name the generic types of the beans
     * they describe (a JWT parser's {@code JWT}), which is metadata, not code, so they are left out.
     */
    @Test
    void theCompositionRootHoldsNoCryptography() {
        noClasses().that().resideInAPackage("io.gatehouse.app..").and().haveNameNotMatching(".*\\.\\$.*")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("com.nimbusds..", "org.bouncycastle..",
                                "javax.crypto..", "java.security..", "org.opensaml..", "org.apache.xml.security..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(SecureRandom.class))))
                .check(gatehouse);
    }

    /** Metrics are decorators around the use cases, put there by the wiring (app); controllers and adapters count nothing. */
    @Test
    void onlyTheWiringKnowsMetrics() {
        noClasses().that().resideOutsideOfPackage("io.gatehouse.app..")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(gatehouse);
    }
}
