package compactqa.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();

    @Test
    void splitsIntoTrimmedSpansWithOffsets() {
        String text = "Shirley Temple was an actress.  She was born in 1928 in Santa Monica. She died in 2014.";
        List<Sentence> sentences = SPLITTER.split(text);
        assertEquals(List.of("Shirley Temple was an actress.", "She was born in 1928 in Santa Monica.", "She died in 2014."),
                sentences.stream().map(Sentence::text).toList());
        for (Sentence s : sentences) {
            assertEquals(s.text(), text.substring(s.start(), s.end()));
        }
    }

    @Test
    void doesNotSplitAtCommonAbbreviations() {
        List<Sentence> sentences = SPLITTER.split("The stories were written by F. Hugh Herbert in the U.S. during the war. They sold well.");
        assertEquals(2, sentences.size(), sentences.toString());
    }

    @Test
    void blankTextHasNoSentences() {
        assertTrue(SPLITTER.split("   ").isEmpty());
        assertTrue(SPLITTER.split("").isEmpty());
    }
}
