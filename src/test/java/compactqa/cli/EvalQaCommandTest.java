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
}
