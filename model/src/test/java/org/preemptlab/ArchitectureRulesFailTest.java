package org.preemptlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules can fail: the same rule definitions report a violation on the small
 * fixture packages under {@code org.preemptlab.archfixture}, written to break them (a two-package
 * cycle, a "policy" that imports the "engine").
 */
class ArchitectureRulesFailTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("org.preemptlab.archfixture");

    @Test
    void a_package_cycle_is_reported() {
        ArchRule rule = SlicesRuleDefinition.slices().matching("org.preemptlab.archfixture.(**)").should().beFreeOfCycles();
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("engine").contains("policy");
    }

    @Test
    void the_model_rules_hold_on_the_model_and_fail_on_the_fixtures() {
        JavaClasses model = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.preemptlab");
        assertThat(ArchitectureTest.Rules.NO_PACKAGE_CYCLES.evaluate(model).hasViolation()).isFalse();
        assertThat(ArchitectureTest.Rules.POLICIES_DO_NOT_KNOW_THE_ENGINE.evaluate(model).hasViolation()).isFalse();
        // the same rule shape, pointed at the fixture packages, sees the fixture policy's import of the engine
        ArchRule shaped = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideInAnyPackage("org.preemptlab.archfixture.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.preemptlab.archfixture.engine..");
        assertThat(shaped.evaluate(FIXTURES).hasViolation()).isTrue();
    }
}
