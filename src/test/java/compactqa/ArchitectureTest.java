package compactqa;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The one-way flow of the house: corpus → index → qa → api/cli; model serves qa, train and compress. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("compactqa");

    @Test
    void nothingDependsOnTheInterfaces() {
        noClasses().that().resideOutsideOfPackages("compactqa.api..", "compactqa.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("compactqa.api..", "compactqa.cli..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("compactqa.api..")
                .should().dependOnClassesThat().resideInAPackage("compactqa.cli..")
                .check(CLASSES);
    }

    @Test
    void corpusDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("compactqa.corpus..")
                .should().dependOnClassesThat().resideInAnyPackage("compactqa.index..", "compactqa.qa..", "compactqa.eval..",
                        "compactqa.model..", "compactqa.train..", "compactqa.compress..")
                .check(CLASSES);
    }

    @Test
    void indexDependsOnlyOnCorpus() {
        noClasses().that().resideInAPackage("compactqa.index..")
                .should().dependOnClassesThat().resideInAnyPackage("compactqa.qa..", "compactqa.eval..", "compactqa.model..",
                        "compactqa.train..", "compactqa.compress..")
                .check(CLASSES);
    }

    @Test
    void modelKnowsNoPipeline() {
        noClasses().that().resideInAPackage("compactqa.model..")
                .should().dependOnClassesThat().resideInAnyPackage("compactqa.index..", "compactqa.qa..", "compactqa.eval..",
                        "compactqa.train..", "compactqa.compress..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void trainingStaysOutOfTheServingPath() {
        noClasses().that().resideInAPackage("compactqa.train..")
                .should().dependOnClassesThat().resideInAnyPackage("compactqa.index..", "compactqa.qa..", "compactqa.compress..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("compactqa.eval..", "compactqa.model..", "compactqa.qa..", "compactqa.index..")
                .should().dependOnClassesThat().resideInAPackage("compactqa.train..")
                .check(CLASSES);
    }

    @Test
    void metricsDependOnlyOnCorpus() {
        noClasses().that().resideInAPackage("compactqa.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("compactqa.index..", "compactqa.qa..", "compactqa.eval..",
                        "compactqa.model..", "compactqa.train..", "compactqa.compress..")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("compactqa.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
