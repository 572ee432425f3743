package compactqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Result names never repeat the data file's name, which the repository must not hold. */
class EvalQaCommandTest {

    @Test
    void theDefaultNameIsTheFolderAndAContractionOfTheFileName() {
        assertEquals("hotpotqa-dev500-ircot", ResultName.of(Path.of("../shared/data/hotpotqa/dev-500.ircot.jsonl.gz")));
        assertEquals("hotpotqa-devfullwiki500", ResultName.of(Path.of("/data/hotpotqa/dev-fullwiki-500.json.gz")));
        assertEquals("my2wiki-dev", ResultName.of(Path.of("/x/my 2wiki/dev.json")));
    }

    @Test
    void aResultNameSaysWhereTheRunDiffersFromTheService() {
        assertEquals("qa-x-distractor", compactqa.eval.QaBenchmark.resultName("x", compactqa.eval.QaBenchmark.Setting.DISTRACTOR, 0, null, 0));
        assertEquals("qa-x-open-k10", compactqa.eval.QaBenchmark.resultName("x", compactqa.eval.QaBenchmark.Setting.OPEN, 10, null, 0));
        assertEquals("qa-x-open-k10-hybrid-hops1", compactqa.eval.QaBenchmark.resultName("x", compactqa.eval.QaBenchmark.Setting.OPEN, 10,
                compactqa.index.Retrieval.HYBRID, 1));
    }
}
