package org.preemptlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Architecture rules for the model module. Only the model module's main classes are on this
 * module's class path, so {@code org.preemptlab..} here means "the model". Each rule fails on a
 * real violation: {@code ArchitectureRulesFailTest} checks that on classes written to break them.
 */
@AnalyzeClasses(packages = "org.preemptlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule model_has_no_ui_dependencies = Rules.MODEL_HAS_NO_UI;

    @ArchTest
    static final ArchRule model_does_not_depend_on_app = Rules.MODEL_DOES_NOT_DEPEND_ON_APP;

    @ArchTest
    static final ArchRule no_package_cycles = Rules.NO_PACKAGE_CYCLES;

    @ArchTest
    static final ArchRule policies_do_not_know_the_engine = Rules.POLICIES_DO_NOT_KNOW_THE_ENGINE;

    @ArchTest
    static final ArchRule scenario_model_does_not_know_file_formats = Rules.SCENARIO_DOES_NOT_KNOW_FILE_FORMATS;

    /** The rules, shared with the test that proves they can fail. */
    static final class Rules {
        private Rules() {}

        static final ArchRule MODEL_HAS_NO_UI = noClasses()
                .that().resideInAPackage("org.preemptlab..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree..")
                .because("the model must stay UI-free (usable headless, from the CLI and in tests)");

        static final ArchRule MODEL_DOES_NOT_DEPEND_ON_APP = noClasses()
                .that().resideInAPackage("org.preemptlab..")
                .should().dependOnClassesThat().resideInAPackage("org.preemptlab.app..")
                .because("dependencies point from app to model, never the other way");

        /** Every package is its own slice (io.scenario and io.swf are two), and no two slices depend on each other both ways. */
        static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.preemptlab.(**)")
                .should().beFreeOfCycles()
                .because("each concept builds on the ones below it");

        static final ArchRule POLICIES_DO_NOT_KNOW_THE_ENGINE = noClasses()
                .that().resideInAnyPackage("org.preemptlab.sched..", "org.preemptlab.preempt..")
                .should().dependOnClassesThat().resideInAnyPackage("org.preemptlab.sim..", "org.preemptlab.backend..",
                        "org.preemptlab.live..")
                .because("policies see a read-only snapshot and return decisions; only the engine changes state");

        static final ArchRule SCENARIO_DOES_NOT_KNOW_FILE_FORMATS = noClasses()
                .that().resideInAPackage("org.preemptlab.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("org.preemptlab.io.scenario..", "com.fasterxml..")
                .because("the scenario model and its validation are used by the reader and the editor alike");
    }
}
