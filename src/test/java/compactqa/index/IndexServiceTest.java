package compactqa.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import compactqa.corpus.CorpusLoader;
import compactqa.corpus.JsonlCorpusReader;

/** The live index of a process, while other writers publish generations and add documents. */
class IndexServiceTest {

    @TempDir
    Path root;

    private IndexService service(Path defaultCorpus) {
        IndexConfig config = new IndexConfig() {
            @Override
            public Path dir() {
                return root.resolve("store");
            }

            @Override
            public String analyzer() {
                return "kstem";
            }

            @Override
            public List<Path> defaultCorpus() {
                return List.of(root.resolve("missing"), defaultCorpus);
            }

            @Override
            public Duration refreshInterval() {
                return Duration.ZERO;
            }

            @Override
            public int buildThreads() {
                return 2;
            }

            @Override
            public Search search() {
                return new Search() {
                    @Override
                    public double titleBoost() {
                        return 0.5;
                    }

                    @Override
                    public float k1() {
                        return 0.9f;
                    }

                    @Override
                    public float b() {
                        return 0.4f;
                    }

                    @Override
                    public Retrieval retrieval() {
                        return Retrieval.BM25;
                    }

                    @Override
                    public int rrfC() {
                        return 60;
                    }

                    @Override
                    public double denseWeight() {
                        return 1;
                    }
                };
            }

            @Override
            public Dense dense() {
                return new Dense() {
                    @Override
                    public java.util.Optional<String> encoder() {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public int tokens() {
                        return 256;
                    }

                    @Override
                    public java.util.Optional<Path> vectorCache() {
                        return java.util.Optional.empty();
                    }
                };
            }
        };
        return new IndexService(config, new CorpusLoader(List.of(new JsonlCorpusReader(IndexTestCorpus.SPLITTER))));
    }

    @Test
    void withoutIndexSearchesAreUnavailableUntilTheDefaultCorpusIsBuilt() throws IOException {
        IndexService service = service(Path.of("src/test/resources/corpus/three.jsonl"));
        IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> service.search("tower", 1));
        assertTrue(e.getMessage().contains("qa index build"), e.getMessage());
        assertTrue(service.ensureIndex(BuildListener.NONE).isPresent());
        assertTrue(service.isReady());
        assertEquals("tower", service.search("Eiffel Tower", 1).hits().get(0).document().id());
        assertTrue(service.ensureIndex(BuildListener.NONE).isEmpty(), "a second start reuses the index");
        service.close();
    }

    @Test
    void closedServiceRefusesSearchesInsteadOfReopening() throws IOException {
        IndexService service = service(Path.of("src/test/resources/corpus/three.jsonl"));
        service.ensureIndex(BuildListener.NONE);
        service.close();
        assertThrows(IndexUnavailableException.class, () -> service.search("tower", 1));
        service.close();
    }

    @Test
    void picksUpGenerationsAndAdditionsFromOtherWritersWhileQueriesRun() throws Exception {
        IndexService service = service(Path.of("src/test/resources/corpus/three.jsonl"));
        service.ensureIndex(BuildListener.NONE);
        IndexStore other = new IndexStore(root.resolve("store"));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // readers hammer the service while another writer switches generations under them
            List<Future<Long>> readers = List.of(pool.submit(() -> hammer(service, stop)), pool.submit(() -> hammer(service, stop)));
            for (int i = 0; i < 5; i++) {
                new IndexBuilder(16).build(other, Stream.concat(IndexTestCorpus.three().stream(), IndexTestCorpus.synthetic(50 * (i + 1))),
                        AnalyzerChoice.KSTEM, BuildListener.NONE);
            }
            new IndexBuilder(16).add(other, Stream.of(IndexTestCorpus.SPLITTER.document("dijon", "Dijon", "Dijon is in Burgundy.", "t")),
                    BuildListener.NONE);
            stop.set(true);
            for (Future<Long> reader : readers) {
                assertTrue(reader.get(30, TimeUnit.SECONDS) > 0, "every reader kept getting answers");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3 + 250 + 1, service.info().documents(), "the service serves the newest generation with the addition");
        assertEquals("dijon", service.search("Burgundy", 1).hits().get(0).document().id());
        service.close();
    }

    private static long hammer(IndexService service, AtomicBoolean stop) {
        long answered = 0;
        while (!stop.get()) {
            assertEquals("tower", service.search("Eiffel Tower lattice", 1).hits().get(0).document().id());
            answered++;
        }
        return answered;
    }
}
