package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every recipe the project ships parses, and none trains on the development benchmarks. */
class ShippedRecipesTest {

    @Test
    void everyShippedRecipeReadsAndKeepsOffTheDevSets() throws IOException {
        List<Path> recipes;
        try (Stream<Path> files = Files.list(Path.of("models/recipes"))) {
            recipes = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(recipes.isEmpty());
        for (Path file : recipes) {
            Recipe recipe = assertDoesNotThrow(() -> Recipe.read(file), file.toString());
            for (Recipe.DataSource source : recipe.data()) {
                assertFalse(source.path().contains("dev-500") || source.path().contains("dev-fullwiki")
                        || source.path().contains("dev-distractor-sample"), file + " trains on a development benchmark: " + source.path());
                if (source.path().contains("squad") && TrainingData.isSquadDev(source.path())) {
                    assertTrue(source.holdOutArticles() >= 8, file + " must keep SQuAD's last 8 articles out");
                }
                if (file.getFileName().toString().startsWith("reader-squad") || file.getFileName().toString().equals("reader-multihop.yaml")) {
                    // the readers trained since SQuAD train arrived keep SQuAD dev whole, as their test
                    assertFalse(TrainingData.isSquadDev(source.path()), file + " trains on SQuAD dev");
                }
                if (recipe.init() != null && recipe.init().contains("-squad") && source.path().contains("squad")) {
                    // a second stage's SQuAD slice trained its first stage: validating on it would flatter
                    assertTrue(source.trainOnly(), file + ": the SQuAD slice must be train_only");
                }
            }
        }
    }

    @Test
    void aCheckpointContinuesItsRecipeWhereverTheResultGoes() throws IOException {
        Recipe recipe = Recipe.read(Path.of("models/recipes/reader-minilm.yaml"));
        String saved = recipe.toYaml();
        assertTrue(recipe.continues(saved));
        assertTrue(recipe.continues(changed(saved, "output: \"models/reader-stage1\"", "output: \"models/reader\"")),
                "a new output folder still resumes");
        assertTrue(recipe.continues(changed(saved, "stop_after_epochs: 2", "stop_after_epochs: 3")), "so does a later end");
        assertTrue(recipe.continues(saved + "committed_checkpoint: \"models/kept/elsewhere\"\n"), "and another kept folder");
        Recipe second = Recipe.read(Path.of("models/recipes/reader-multihop.yaml"));
        String secondSaved = second.toYaml();
        assertTrue(second.continues(changed(secondSaved, "init: \"~/.cache/compactqa/models/reader-squad\"", "init: \"models/reader-squad\"")),
                "and a first stage's model that moved: the checkpoint has replaced it");
        assertFalse(recipe.continues(changed(saved, "seed: 20261122", "seed: 7")), "a new seed does not");
        assertFalse(recipe.continues("not: [a recipe"));
    }

    private static String changed(String yaml, String from, String to) {
        assertTrue(yaml.contains(from), yaml);
        return yaml.replace(from, to);
    }
}
