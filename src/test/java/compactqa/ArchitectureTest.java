package compactqa;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The one-way flow of the house: corpus → index → qa → api/cli; model serves qa, train and
 * compress; train and eval read dataset and metrics, and train never reads eval.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("compactqa");

    /** Each package and the packages of ours it may use; any other arrow is a failure. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("corpus", Set.of()),
            Map.entry("dataset", Set.of("corpus")),
            Map.entry("metrics", Set.of("corpus")),
            Map.entry("index", Set.of("corpus", "metrics")),
            Map.entry("model", Set.of("corpus")),
            Map.entry("qa", Set.of("corpus", "index", "model", "metrics")),
            Map.entry("train", Set.of("corpus", "dataset", "metrics", "model")),
            Map.entry("compress", Set.of("corpus", "model")),
            Map.entry("eval", Set.of("corpus", "dataset", "metrics", "index", "model", "qa", "compress")),
            Map.entry("api", Set.of("corpus", "index", "qa", "model")),
            Map.entry("cli", Set.of("corpus", "dataset", "metrics", "index", "model", "qa", "train", "compress", "eval")));

    private static final List<String> ALL = List.of("corpus", "dataset", "metrics", "index", "model", "qa", "train", "compress",
            "eval", "api", "cli");

    static List<String> packages() {
        return ALL;
    }

    @ParameterizedTest
    @MethodSource("packages")
    void eachPackageUsesOnlyWhatItMay(String pkg) {
        String[] forbidden = ALL.stream().filter(other -> !other.equals(pkg) && !ALLOWED.get(pkg).contains(other))
                .map(other -> "compactqa." + other + "..").toArray(String[]::new);
        if (forbidden.length == 0) {
            return;
        }
        noClasses().that().resideInAPackage("compactqa." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because(pkg + " may use only " + ALLOWED.get(pkg) + ", not " + Arrays.toString(forbidden))
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void everyPackageHasItsRule() {
        for (String pkg : ALL) {
            if (!ALLOWED.containsKey(pkg)) {
                throw new AssertionError(pkg + " has no rule");
            }
        }
        CLASSES.stream().map(c -> c.getPackageName())
                .filter(name -> name.startsWith("compactqa."))
                .map(name -> name.substring("compactqa.".length()).split("\\.")[0])
                .distinct()
                .forEach(pkg -> {
                    if (!ALLOWED.containsKey(pkg)) {
                        throw new AssertionError("package compactqa." + pkg + " is not in the arrow set");
                    }
                });
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("compactqa.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
