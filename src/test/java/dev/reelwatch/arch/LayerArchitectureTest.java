package dev.reelwatch.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Pins the layers of DEVELOPERS.md: core ← provider ← store ← sync ← media ← rules ← ui/cli; app is the root. */
class LayerArchitectureTest {
    /** The JavaFX application class: named after the app id (it is the window's WM class), part of the root. */
    private static final String APPLICATION_CLASS = "dev.reelwatch.Reelwatch";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.reelwatch");
    }

    @Test
    void coreImportsNothingOfOursAndDoesNoIo() {
        classes().that().resideInAPackage("dev.reelwatch.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.reelwatch.core..", "java.lang..",
                        "java.util..", "java.time..", "java.math..", "java.net")
                .check(classes);
    }

    @Test
    void providerDependsOnlyOnCore() {
        noClasses().that().resideInAPackage("dev.reelwatch.provider..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.reelwatch.store..", "dev.reelwatch.sync..",
                        "dev.reelwatch.media..", "dev.reelwatch.rules..", "dev.reelwatch.ui..", "dev.reelwatch.cli..",
                        "dev.reelwatch.app..", "dev.reelwatch.sim..")
                .check(classes);
    }

    @Test
    void storeDependsOnlyOnCore() {
        noClasses().that().resideInAPackage("dev.reelwatch.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.reelwatch.provider..", "dev.reelwatch.sync..",
                        "dev.reelwatch.media..", "dev.reelwatch.rules..", "dev.reelwatch.ui..", "dev.reelwatch.cli..",
                        "dev.reelwatch.app..", "dev.reelwatch.sim..")
                .check(classes);
    }

    @Test
    void syncKnowsNothingOfMediaUiOrCli() {
        noClasses().that().resideInAPackage("dev.reelwatch.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.reelwatch.media..", "dev.reelwatch.rules..",
                        "dev.reelwatch.ui..", "dev.reelwatch.cli..", "dev.reelwatch.app..")
                .check(classes);
    }

    @Test
    void mediaKnowsNothingOfRulesUiOrCli() {
        noClasses().that().resideInAPackage("dev.reelwatch.media..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.reelwatch.rules..", "dev.reelwatch.ui..",
                        "dev.reelwatch.cli..", "dev.reelwatch.app..")
                .check(classes);
    }

    /** Rules sit above media (they export) and below the faces that edit them. */
    @Test
    void rulesKnowNothingOfUiCliOrSimulators() {
        noClasses().that().resideInAPackage("dev.reelwatch.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.reelwatch.ui..", "dev.reelwatch.cli..",
                        "dev.reelwatch.app..", "dev.reelwatch.sim..")
                .check(classes);
    }

    @Test
    void uiAndCliDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.reelwatch.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.reelwatch.cli..", "dev.reelwatch.app..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.reelwatch.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.reelwatch.ui..", "dev.reelwatch.app..")
                .check(classes);
    }

    @Test
    void onlyUiTouchesTheSceneGraph() {
        noClasses().that().resideOutsideOfPackages("dev.reelwatch.ui..", "dev.reelwatch.app..")
                .and().doNotHaveFullyQualifiedName(APPLICATION_CLASS)
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..")
                .check(classes);
    }

    @Test
    void viewModelsDoNotKnowTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void nothingImportsTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage("dev.reelwatch.app..")
                .and().doNotHaveFullyQualifiedName(APPLICATION_CLASS)
                .should().dependOnClassesThat().resideInAPackage("dev.reelwatch.app..")
                .check(classes);
    }
}
