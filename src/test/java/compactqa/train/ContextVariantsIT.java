package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;
import compactqa.corpus.SentenceSplitter;
import compactqa.dataset.DatasetLoader;
import compactqa.dataset.QaExample;
import compactqa.dataset.ReaderExample;
import compactqa.dataset.ReaderExamples;
import compactqa.metrics.AnswerMetrics;

/** Context variants of the real training files: as many located answers as the originals, each one a gold answer. */
class ContextVariantsIT {

    @ParameterizedTest
    @ValueSource(strings = {"hotpotqa/train-100.json.gz", "2wiki/train-500.json.gz", "musique/train-100.jsonl.gz",
            "hotpotqa/train-500-goldsents.jsonl.gz", "nq/nq-open-oracle.jsonl.gz"})
    void variantsOfTheTrainingFilesLocateTheirAnswers(String file) {
        List<QaExample> examples = new DatasetLoader(new SentenceSplitter()).load(Path.of("../shared/data", file));
        List<Document> pool = examples.stream().flatMap(e -> e.supportingParagraphs().stream().map(e.paragraphs()::get))
                .distinct().toList();
        Random random = new Random(5);
        int originals = 0;
        int variants = 0;
        for (QaExample e : examples) {
            Optional<ReaderExample> original = ReaderExamples.of(e);
            if (original.isEmpty()) {
                continue;
            }
            originals++;
            for (ReaderExample v : ContextVariants.of(e, 2, pool, random)) {
                variants++;
                assertTrue(!v.context().equals(original.get().context()), e.id() + ": a variant is another context");
                if (v.type() == AnswerType.SPAN) {
                    assertTrue(AnswerMetrics.best(v.answerText(), e.answers()).f1() > 0.99, e.id() + ": " + v.answerText());
                }
            }
        }
        assertTrue(variants >= 2 * originals * 0.95, file + ": " + variants + " variants of " + originals + " located questions");
    }
}
