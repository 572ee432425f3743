package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;
import compactqa.corpus.SentenceSplitter;
import compactqa.dataset.DatasetLoader;
import compactqa.dataset.QaExample;
import compactqa.dataset.ReaderExamples;

/** Comparison questions from the real training files' paragraphs: enough of them, balanced, each one a reader example. */
class ComparisonQuestionsIT {

    @ParameterizedTest
    @CsvSource({"hotpotqa/train-100.json.gz, 400", "2wiki/train-500.json.gz, 1500", "musique/train-100.jsonl.gz, 400"})
    void theTrainingFilesLeadsGiveBalancedQuestionsTheReaderCanTrainOn(String file, int count) {
        List<QaExample> examples = new DatasetLoader(new SentenceSplitter()).load(Path.of("../shared/data", file));
        List<Document> paragraphs = examples.stream().flatMap(e -> e.paragraphs().stream()).distinct().toList();
        long readable = paragraphs.stream().filter(d -> LeadDescription.of(d).isPresent()).count();
        List<QaExample> questions = ComparisonQuestions.of(paragraphs, count, new Random(11));
        System.out.printf("%s: %d paragraphs, %d leads read, %d questions%n", file, paragraphs.size(), readable, questions.size());
        questions.stream().limit(12).forEach(q -> System.out.println("  " + q.answer() + " | " + q.question()));
        assertTrue(readable > paragraphs.size() / 4, "a quarter of the leads at least have the shape");
        assertEquals(count, questions.size());
        assertEquals(count / 2, questions.stream().filter(q -> q.answerType() == AnswerType.YES).count());
        assertTrue(questions.stream().allMatch(q -> ReaderExamples.of(q).isPresent()));
    }
}
