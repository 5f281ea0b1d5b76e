package org.preemptlab.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules across both modules, checked here where the model's and the app's classes are both on the
 * class path (in the model module a "model must not use app" rule would have nothing to look at).
 * Each rule is also shown to fail on fixture classes written to break it ({@code org.preemptlab.app.archfixture}, {@code org.preemptlab.archfixture}).
 */
class ArchitectureTest {

    private static JavaClasses main;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.preemptlab");
        fixtures = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.preemptlab.app.archfixture", "org.preemptlab.archfixture");
    }

    /** The model (everything outside org.preemptlab.app) never uses the application. */
    static final ArchRule MODEL_DOES_NOT_USE_APP = noClasses()
            .that().resideInAPackage("org.preemptlab..").and().resideOutsideOfPackage("org.preemptlab.app..")
            .should().dependOnClassesThat().resideInAPackage("org.preemptlab.app..")
            .because("dependencies point from app to model, never the other way");

    /** View-models hold state and logic only: no scene graph, stage, application or animation. */
    static final ArchRule VIEW_MODELS_DO_NOT_KNOW_THE_VIEW = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..",
                    "javafx.animation..", "org.controlsfx..", "org.jfree..")
            .because("view-models are tested without the FX toolkit; views bind to them");

    /** The command line runs without the planner window. */
    static final ArchRule CLI_DOES_NOT_USE_THE_GUI = noClasses()
            .that().resideInAPackage("org.preemptlab.app.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.preemptlab.app.gui..")
            .because("commands run headless, from scripts and Slurm jobs");

    static final ArchRule NO_CYCLES_IN_THE_APP = slices().matching("org.preemptlab.app.(**)").should().beFreeOfCycles();

    @Test
    void the_model_does_not_use_the_app() {
        assertThat(main.stream().filter(c -> c.getPackageName().startsWith("org.preemptlab.sim"))).isNotEmpty();
        MODEL_DOES_NOT_USE_APP.check(main);
        assertThat(MODEL_DOES_NOT_USE_APP.evaluate(fixtures).hasViolation()).isTrue();
    }

    @Test
    void view_models_do_not_know_the_view() {
        assertThat(main.stream().filter(c -> c.getSimpleName().endsWith("ViewModel")).count()).isGreaterThan(5);
        VIEW_MODELS_DO_NOT_KNOW_THE_VIEW.check(main);
        assertThat(VIEW_MODELS_DO_NOT_KNOW_THE_VIEW.evaluate(fixtures).hasViolation()).isTrue();
    }

    @Test
    void the_cli_does_not_use_the_gui() {
        CLI_DOES_NOT_USE_THE_GUI.check(main);
    }

    @Test
    void app_packages_have_no_cycles() {
        NO_CYCLES_IN_THE_APP.check(main);
    }
}
