package compactqa.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed with SIGKILL half-way leaves the previous index live and intact, and the next
 * build clears its remains. The build runs in a child JVM, so the kill is as real as a crash.
 */
class InterruptedBuildIT {

    @TempDir
    Path root;

    @Test
    void killMinusNineMidBuildLeavesThePreviousIndexServing() throws Exception {
        IndexStore store = new IndexStore(root);
        new IndexBuilder(16).build(store, IndexTestCorpus.three().stream(), AnalyzerChoice.KSTEM, BuildListener.NONE);
        Path live = store.current().orElseThrow();

        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), KilledBuildMain.class.getName(), root.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long indexed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && indexed < 20_000; line = out.readLine()) {
                if (line.startsWith("indexed ")) {
                    indexed = Long.parseLong(line.substring(8));
                }
            }
            // the child holds the store's write lock: a writer in this process is refused, not blocked
            IndexStoreException busy = assertThrows(IndexStoreException.class, () -> new IndexBuilder(16).build(store,
                    IndexTestCorpus.three().stream(), AnalyzerChoice.KSTEM, BuildListener.NONE));
            assertTrue(busy.getMessage().contains("another process"), busy.getMessage());
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertTrue(indexed >= 20_000, "the child was killed mid-build, after " + indexed + " documents");
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        List<Path> generations = store.generations();
        assertEquals(2, generations.size(), "the killed build's partial generation is on disk: " + generations);
        assertTrue(hasFiles(generations.get(1)), "Lucene had flushed segments before the kill");
        assertEquals(live, store.current().orElseThrow(), "CURRENT still names the previous generation");
        try (ParagraphSearcher s = ParagraphSearcher.open(live, IndexTestCorpus.SETTINGS)) {
            assertEquals(3, s.info().documents());
            assertEquals("tower", s.search("Eiffel Tower", 1).hits().get(0).document().id());
        }

        BuildStats next = new IndexBuilder(16).build(store, IndexTestCorpus.synthetic(10), AnalyzerChoice.KSTEM,
                BuildListener.NONE);
        assertEquals(10, next.totalDocs());
        assertEquals(List.of(live, store.current().orElseThrow()), store.generations(),
                "the next build replaced the killed build's remains and kept the previous generation");
        try (ParagraphSearcher s = ParagraphSearcher.open(store.current().orElseThrow(), IndexTestCorpus.SETTINGS)) {
            assertEquals(10, s.info().documents());
        }
    }

    private static boolean hasFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".cfs") || p.getFileName().toString().endsWith(".si"));
        }
    }
}
