package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import compactqa.corpus.SentenceSplitter;
import compactqa.dataset.DatasetLoader;

/** How a recipe's questions divide into training and validation, source by source. */
class TrainingSplitTest {

    @TempDir
    Path tmp;

    @Test
    void aTrainOnlySourceGivesNoValidationQuestionsAndTheOthersTakeItsShare() throws IOException {
        Path file = tmp.resolve("recipe.yaml");
        Files.writeString(file, """
                task: reader
                base: all-minilm-l6-v2
                seed: 7
                max_length: 128
                stride: 32
                batch_size: 4
                epochs: 1
                max_steps: 0
                learning_rate: 0.0001
                warmup_ratio: 0.1
                weight_decay: 0.01
                max_grad_norm: 1.0
                dropout: 0.1
                checkpoint_every: 10
                validation_size: 30
                data:
                  - path: ../shared/data/musique/train-100.jsonl.gz
                    repeat: 1
                    limit: 0
                    hold_out_articles: 0
                    negatives: 0
                  - path: ../shared/data/nq/nq-open-oracle.jsonl.gz
                    repeat: 1
                    limit: 200
                    hold_out_articles: 0
                    negatives: 0
                    train_only: true
                work_dir: target/split-test/work
                output: target/split-test/model
                """);
        List<TrainingRun.SourceSplit> splits = new TrainingRun(Recipe.read(file), Path.of("").toAbsolutePath(),
                TorchBertIT.CACHE, new DatasetLoader(new SentenceSplitter())).split();
        TrainingRun.SourceSplit musique = splits.get(0);
        TrainingRun.SourceSplit nq = splits.get(1);
        assertEquals(0, nq.validation().size(), "the train-only source validates nothing");
        assertEquals(200, nq.training().size());
        // the whole quota goes to the one validating source, up to its fifth
        assertEquals(20, musique.validation().size());
        assertEquals(100, musique.training().size() + musique.validation().size());
        assertTrue(musique.validation().stream().noneMatch(musique.training()::contains), "validation never trains");
    }
}
