package compactqa.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import compactqa.index.IndexStore;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts every {@code @QuarkusTest} run on an empty index folder, so that the first test builds the
 * index from the default corpus as a first start of the service does, with this build's code.
 */
public class FreshTestIndex implements QuarkusTestResourceLifecycleManager {

    static final Path DIR = Path.of("target/test-index");

    @Override
    public Map<String, String> start() {
        try {
            IndexStore.deleteTree(DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("compactqa.index.dir", DIR.toString());
    }

    @Override
    public void stop() {
    }
}
