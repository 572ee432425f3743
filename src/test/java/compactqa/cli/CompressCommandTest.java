package compactqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class CompressCommandTest {

    @Test
    void aChainOfMethodsIsNamedAsAResultNameMayBe() {
        String name = CompressCommand.defaultName(Path.of("models/reader/"), List.of("svd", "int8"));
        assertEquals("reader-svd-int8", name);
        assertTrue(name.matches("[A-Za-z0-9._-]+"));
        assertEquals("reader-int8", CompressCommand.defaultName(Path.of("models", "reader"), List.of("int8")));
    }
}
