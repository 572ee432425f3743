package compactqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.compress.CompressionChain;
import compactqa.compress.Method;
import compactqa.compress.MethodOptions;

class CompressCommandTest {

    private static final MethodOptions OPTIONS = new MethodOptions(0.5, 0, null, true, 3, 300, 0.9, 0.25, 3);

    @Test
    void aChainOfMethodsIsNamedAsAResultNameMayBe() {
        CompressionChain chain = new CompressionChain(List.of(Method.of("svd"), Method.of(" int8")), OPTIONS);
        String name = ResultName.of(Path.of("models/reader/"), chain.name("-"));
        assertEquals("reader-svd-int8", name);
        assertTrue(name.matches("[A-Za-z0-9._-]+"));
        assertEquals("svd+int8", chain.name("+"), "the report's name of the chain");
        assertEquals("reader-int8", ResultName.of(Path.of("models", "reader"), "int8"));
    }

    @Test
    void aBadResultNameOrAnUnknownMethodIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ResultName.checked("a/b"));
        assertEquals("reader-int8", ResultName.checked("reader-int8"));
        assertThrows(IllegalArgumentException.class, () -> Method.of("zip"));
        assertThrows(IllegalArgumentException.class, () -> new CompressionChain(List.of(), OPTIONS));
    }
}
