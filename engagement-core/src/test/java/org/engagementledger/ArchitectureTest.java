package org.engagementledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the module and package boundaries described in the README honest. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.engagementledger");
    }

    @Test
    void theApiUsesNoFrameworkBeyondJakartaConstraintsAndAxonsRevisionAnnotation() {
        classes().that().resideInAPackage("org.engagementledger.api..")
                .should().onlyDependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("JDK, Jakarta Validation, the API itself or @Revision",
                                c -> c.getPackageName().startsWith("java.")
                                        || c.getPackageName().startsWith("jakarta.validation")
                                        || c.getPackageName().startsWith("org.engagementledger.api")
                                        || c.getName().equals("org.axonframework.serialization.Revision")
                                        || c.isPrimitive() || c.isArray() && c.getBaseComponentType().isPrimitive()))
                .check(production);
    }

    @Test
    void theApiDoesNotDependOnTheCore() {
        noClasses().that().resideInAPackage("org.engagementledger.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.engagementledger.engagement..",
                        "org.engagementledger.storage..", "org.engagementledger.config..")
                .check(production);
    }

    @Test
    void theEngagementDomainKnowsNothingOfStorageConfigurationOrSpring() {
        noClasses().that().resideInAPackage("org.engagementledger.engagement..")
                .should().dependOnClassesThat().resideInAnyPackage("org.engagementledger.storage..",
                        "org.engagementledger.config..", "org.springframework..", "java.sql..", "javax.sql..")
                .check(production);
    }

    @Test
    void onlyTheSpringPackageKnowsSpringSoPlainHostsNeverLoadIt() {
        noClasses().that().resideOutsideOfPackage("org.engagementledger.spring..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(production);
    }

    @Test
    void capabilityPackagesHaveNoCycles() {
        slices().matching("org.engagementledger.(*)..").should().beFreeOfCycles().check(production);
    }
}
