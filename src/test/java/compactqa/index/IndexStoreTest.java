package compactqa.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexStoreTest {

    @TempDir
    Path root;

    @Test
    void emptyStoreHasNoCurrentGeneration() {
        assertEquals(Optional.empty(), new IndexStore(root.resolve("none")).current());
    }

    @Test
    void generationsAreNumberedAndPublishedAtomically() throws IOException {
        IndexStore store = new IndexStore(root);
        Path g1 = store.newGeneration();
        Path g2 = store.newGeneration();
        assertEquals("gen-000001", g1.getFileName().toString());
        assertEquals("gen-000002", g2.getFileName().toString());
        store.publish(g2);
        assertEquals(Optional.of(g2), store.current());
        assertEquals("gen-000002\n", Files.readString(root.resolve(IndexStore.CURRENT)));
        assertTrue(Files.notExists(root.resolve(IndexStore.CURRENT + ".tmp")));
    }

    @Test
    void staleGenerationsGoButTheLiveAndPreviousOnesStay() throws IOException {
        IndexStore store = new IndexStore(root);
        Path g1 = store.newGeneration();
        Path g2 = store.newGeneration();
        Path g3 = store.newGeneration();
        Path g4 = store.newGeneration(); // a killed build's remains
        store.publish(g3);
        store.removeStaleGenerations();
        assertEquals(List.of(g2, g3), store.generations());
        assertTrue(Files.notExists(g1) && Files.notExists(g4));
    }

    @Test
    void corruptPointerIsReportedByName() throws IOException {
        Files.writeString(root.resolve(IndexStore.CURRENT), "garbage");
        IndexStoreException e = assertThrows(IndexStoreException.class, () -> new IndexStore(root).current());
        assertTrue(e.getMessage().contains("CURRENT") && e.getMessage().contains("garbage"), e.getMessage());
        Files.writeString(root.resolve(IndexStore.CURRENT), "gen-000009");
        e = assertThrows(IndexStoreException.class, () -> new IndexStore(root).current());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void oneWriterAtATime() throws IOException {
        IndexStore store = new IndexStore(root);
        try (Lock ignored = store.lockForWriting()) {
            IndexStoreException e = assertThrows(IndexStoreException.class, store::lockForWriting);
            assertTrue(e.getMessage().contains("another process"), e.getMessage());
        }
        store.lockForWriting().close();
    }
}
