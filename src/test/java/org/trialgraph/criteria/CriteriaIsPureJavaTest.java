package org.trialgraph.criteria;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The criteria library is plain Java: the graph writer and GraphQL layer depend on it, never the other way round. */
class CriteriaIsPureJavaTest {

    @Test
    void criteriaPackageUsesNoSpringNeo4jOrJackson() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.trialgraph.criteria");
        noClasses().that().resideInAPackage("org.trialgraph.criteria..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..", "tools.jackson..",
                        "com.fasterxml..", "org.trialgraph")
                .check(classes);
    }
}
