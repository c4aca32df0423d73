package dev.reelwatch.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Pins the layers of docs/ARCHITECTURE.md: core ← provider and store (siblings) ← sync ← media ← rules ← ui/cli;
 * app is the root; sim serves only the demo; dialogs live in ui.common; ui features lean only on the shared ui parts.
 */
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

    /** The ui packages every feature may use: the shared seams, the media feature's parts and the theme. */
    private static final String[] SHARED_UI = {"dev.reelwatch.ui.common..", "dev.reelwatch.ui.media..",
            "dev.reelwatch.ui.theme.."};
    /** Below ui: what a screen shows and acts on. */
    private static final String[] LOWER_LAYERS = {"dev.reelwatch.core..", "dev.reelwatch.provider..",
            "dev.reelwatch.store..", "dev.reelwatch.sync..", "dev.reelwatch.media..", "dev.reelwatch.usage..",
            "dev.reelwatch.rules.."};
    /**
     * The task list's own satellites read its ViewModel (they present the list's counts, filters and
     * transitions), so they may use ui.tasks too; nothing else may.
     */
    private static final String[] TASK_LIST_SATELLITES = {"dev.reelwatch.ui.sidebar..", "dev.reelwatch.ui.status..",
            "dev.reelwatch.ui.notify..", "dev.reelwatch.ui.failures..", "dev.reelwatch.ui.bulk.."};

    @Test
    void onlyTheDemoDependsOnTheSimulators() {
        noClasses().that().resideOutsideOfPackages("dev.reelwatch.sim..", "dev.reelwatch.app.demo..")
                .should().dependOnClassesThat().resideInAPackage("dev.reelwatch.sim..")
                .because("the simulators are loopback stand-ins for the demo and the tests, never for real work")
                .check(classes);
    }

    @Test
    void onlyTheDialogServiceCreatesDialogs() {
        noClasses().that().resideOutsideOfPackage("dev.reelwatch.ui.common..")
                .should().dependOnClassesThat(assignableTo(javafx.scene.control.Dialog.class))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.FileChooser")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.DirectoryChooser")
                .because("the DialogService owns owner, centring, sizing, Esc and the theme of every dialog")
                .check(classes);
    }

    @Test
    void uiFeaturesDependOnlyOnTheSharedUiPartsAndLowerLayers() {
        for (String feature : new String[] {"accounts", "compare", "detail", "history", "library",
                "pause", "preferences", "rules", "tasks", "usage", "welcome", "media", "theme"}) {
            String own = "dev.reelwatch.ui." + feature + "..";
            classes().that().resideInAPackage(own)
                    .should().onlyDependOnClassesThat().resideInAnyPackage(allowed(own))
                    .check(classes);
        }
        for (String satellite : TASK_LIST_SATELLITES) {
            classes().that().resideInAPackage(satellite)
                    .should().onlyDependOnClassesThat().resideInAnyPackage(allowed(satellite, "dev.reelwatch.ui.tasks..",
                            "dev.reelwatch.ui.pause.."))
                    .check(classes);
        }
    }

    @Test
    void theSharedUiPartsDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("dev.reelwatch.ui.common..", "dev.reelwatch.ui.theme..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.reelwatch.ui.accounts..",
                        "dev.reelwatch.ui.compare..", "dev.reelwatch.ui.detail..", "dev.reelwatch.ui.library..",
                        "dev.reelwatch.ui.tasks..", "dev.reelwatch.ui.usage..", "dev.reelwatch.ui.welcome..",
                        "dev.reelwatch.ui.media..", "dev.reelwatch.ui.main..", "dev.reelwatch.ui.sidebar..",
                        "dev.reelwatch.ui.status..", "dev.reelwatch.ui.notify..")
                .check(classes);
    }

    /**
     * Issue 13: the composition root (app) and {@code ui.main.MainWindowFactory} are the only places that make
     * another feature's Views and ViewModels; a feature makes only its own (Usage its UsageView, media its player).
     */
    @Test
    void onlyTheCompositionRootAndTheMainWindowFactoryMakeOtherFeaturesViews() {
        String factory = "dev.reelwatch.ui.main.MainWindowFactory";
        java.util.List<String> violations = new java.util.ArrayList<>();
        for (com.tngtech.archunit.core.domain.JavaClass caller : classes) {
            if (!caller.getPackageName().startsWith("dev.reelwatch.ui.") || caller.getName().equals(factory)) {
                continue;
            }
            for (com.tngtech.archunit.core.domain.JavaConstructorCall call : caller.getConstructorCallsFromSelf()) {
                com.tngtech.archunit.core.domain.JavaClass made = call.getTargetOwner();
                String name = made.getSimpleName();
                boolean view = name.endsWith("View") || name.endsWith("ViewModel");
                if (view && made.getPackageName().startsWith("dev.reelwatch.ui.")
                        && !feature(made.getPackageName()).equals(feature(caller.getPackageName()))) {
                    violations.add(call.getDescription());
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), violations,
                "only app and MainWindowFactory make the Views and ViewModels of other features");
    }

    /** {@code dev.reelwatch.ui.media.player} → {@code media}. */
    private static String feature(String uiPackage) {
        String rest = uiPackage.substring("dev.reelwatch.ui.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** A feature's own package, the shared ui parts, the lower layers, the JDK, JavaFX and the libraries. */
    private static String[] allowed(String... extra) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(SHARED_UI));
        all.addAll(java.util.List.of(LOWER_LAYERS));
        all.addAll(java.util.List.of(extra));
        all.addAll(java.util.List.of("java..", "javax..", "javafx..", "com.sun.javafx..", "org.controlsfx..",
                "com.fasterxml.jackson.."));
        return all.toArray(String[]::new);
    }
}
