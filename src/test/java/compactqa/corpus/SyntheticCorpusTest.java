package compactqa.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SyntheticCorpusTest {

    /** Paragraphs whose words follow Zipf's law with exponent 1 over a vocabulary that keeps growing. */
    private static List<Document> zipfian(int paragraphs) {
        Random random = new Random(1);
        SentenceSplitter splitter = new SentenceSplitter();
        List<Document> out = new ArrayList<>();
        for (int p = 0; p < paragraphs; p++) {
            StringBuilder text = new StringBuilder();
            int length = 20 + random.nextInt(40);
            for (int w = 0; w < length; w++) {
                int rank = (int) Math.floor(Math.exp(random.nextDouble() * Math.log(50_000))); // p(r) ~ 1/r
                text.append(w > 0 ? " " : "").append("w").append(rank);
            }
            out.add(splitter.document("d" + p, "T" + p, text + ".", "test"));
        }
        return out;
    }

    @Test
    void fitsZipfsExponentAndHeapsGrowthOfItsSample() {
        SyntheticCorpus model = SyntheticCorpus.fit(zipfian(2000).stream());
        assertEquals(1.0, model.zipf(), 0.2);
        assertTrue(model.vocabulary(1_000_000) > model.vocabulary(2000), "a larger corpus has more distinct words");
    }

    @Test
    void writesTheParagraphsAskedForDeterministicallyWithDistinctMadeUpWords() throws IOException {
        SyntheticCorpus model = SyntheticCorpus.fit(zipfian(500).stream());
        StringWriter a = new StringWriter();
        List<Long> progress = new ArrayList<>();
        model.write(1234, 5, a, progress::add);
        StringWriter b = new StringWriter();
        model.write(1234, 5, b, n -> { });
        assertEquals(a.toString(), b.toString(), "a seed writes the same corpus");
        String[] lines = a.toString().split("\n");
        assertEquals(1234, lines.length);
        assertEquals(List.of(1234L), progress);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals("syn-0", first.path("id").asText());
        assertTrue(first.path("text").asText().endsWith("."));
        Set<String> madeUp = new HashSet<>();
        IntStream.range(0, 20_000).forEach(r -> madeUp.add(model.word(1_000_000 + r)));
        assertEquals(20_000, madeUp.size(), "made-up words are distinct");
        assertTrue(madeUp.stream().allMatch(w -> w.endsWith("q")));
    }
}
