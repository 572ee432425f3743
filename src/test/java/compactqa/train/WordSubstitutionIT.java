package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import compactqa.model.BertNames;
import compactqa.model.Checkpoint;
import compactqa.model.ModelCache;
import compactqa.model.OnnxImporter;
import compactqa.model.PretrainedEncoder;
import compactqa.model.TextTokenizer;

/** Word substitution on the real MiniLM vocabulary and input embeddings: the neighbours it draws are related words. */
class WordSubstitutionIT {

    @Test
    void neighboursOfTheJarsEmbeddingsAreRelatedWords() throws Exception {
        PretrainedEncoder base = PretrainedEncoder.MINILM_L6;
        Checkpoint c;
        try (InputStream in = ModelCache.openOnnx(base)) {
            c = new OnnxImporter().read(in, base.config());
        }
        WordSubstitution s = new WordSubstitution(TextTokenizer.vocabulary(TorchBertIT.CACHE.tokenizer(base)),
                c.tensor(BertNames.WORD_EMBEDDINGS));
        Map<String, List<String>> related = Map.of(
                "paris", List.of("london", "berlin", "rome", "france", "lyon", "vienna", "madrid", "brussels"),
                "january", List.of("february", "march", "april", "december", "october", "november", "june", "july"),
                "river", List.of("rivers", "lake", "creek", "stream", "valley", "tributary", "canal"),
                "actor", List.of("actress", "actors", "comedian", "filmmaker", "singer", "director", "musician"));
        related.forEach((word, expected) -> {
            List<String> top = s.neighbours(word).subList(0, 5);
            assertTrue(top.stream().filter(expected::contains).count() >= 2, word + " -> " + s.neighbours(word));
        });
    }
}
