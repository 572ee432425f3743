package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Official HotpotQA records laid out as JSON lines instead of an array: the fullwiki file, rewritten. */
class HotpotQaArrayAsJsonLinesTest extends DatasetLoaderContractTest {

    private static final Path ARRAY = data("hotpotqa/dev-fullwiki-500.json.gz");

    @TempDir
    static Path tmp;

    private Path lines;

    @Override
    protected Path file() {
        if (lines == null) {
            lines = Files.isRegularFile(ARRAY) ? toJsonLines(ARRAY, tmp.resolve("fullwiki.jsonl")) : ARRAY;
        }
        return lines;
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.HOTPOTQA;
    }

    @Override
    protected int expectedCount() {
        return 500;
    }

    @Test
    void readsTheSameExamplesAsTheArray() {
        assertEquals(loader.load(ARRAY).stream().map(DatasetLoaderContractTest::contentOf).toList(),
                examples.stream().map(DatasetLoaderContractTest::contentOf).toList());
    }
}
