package org.preemptlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Architecture rules for the model module: the model must stay free of UI toolkits and must not
 * depend on the application layer. Only the model module's main classes are on this module's
 * class path, so {@code org.preemptlab..} here means "the model".
 */
@AnalyzeClasses(packages = "org.preemptlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule model_has_no_ui_dependencies =
            noClasses()
                    .that().resideInAPackage("org.preemptlab..")
                    .should().dependOnClassesThat()
                    .resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree..")
                    .because("the model must stay UI-free (usable headless, from the CLI and in tests)")
                    .allowEmptyShould(true);

    @ArchTest
    static final ArchRule model_does_not_depend_on_app =
            noClasses()
                    .that().resideInAPackage("org.preemptlab..")
                    .should().dependOnClassesThat()
                    .resideInAPackage("org.preemptlab.app..")
                    .because("dependencies point from app to model, never the other way")
                    .allowEmptyShould(true);
}
