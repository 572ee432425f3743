package compactqa.qa;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import compactqa.model.CompressorModel;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelConfig;
import compactqa.model.Precisions;
import compactqa.model.ReaderModel;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The trained reader and compressor of this process, loaded once on first use (the service loads
 * them at start) and closed on shutdown. A missing or corrupt model fails with a
 * {@link ModelUnavailableException} naming its file; the next call tries again.
 *
 * <p>The pair can be swapped while questions are being answered ({@link #reload}): the new pair is
 * loaded whole before it replaces the old one, questions already running finish on the pair they
 * started with, and the old pair closes after the last of them. Thread-safe.
 */
@ApplicationScoped
public class QaModels {

    private static final Logger LOG = Logger.getLogger(QaModels.class);

    private final QaConfig config;
    private final ModelConfig models;
    private volatile Pair current;
    private boolean closed;

    @Inject
    public QaModels(QaConfig config, ModelConfig models) {
        this.config = config;
        this.models = models;
    }

    /**
     * A reader and compressor loaded together, counting the questions using them.
     *
     * @param selection     how the compressor's scores and each paragraph's signals become sentence probabilities
     * @param loop          how the loop reads with this compressor where the configuration does not say
     * @param answerer      compress-then-read over this pair
     * @param readerDir     the reader's folder
     * @param compressorDir the compressor's folder
     */
    public record Pair(ReaderModel reader, CompressorModel compressor, EvidenceSelection selection, LoopSettings loop,
                       Answerer answerer, Path readerDir, Path compressorDir, Lease lease) implements AutoCloseable {

        Pair(ReaderModel reader, CompressorModel compressor, EvidenceSelection selection, LoopSettings loop, Path readerDir,
             Path compressorDir) {
            this(reader, compressor, selection, loop, Answerer.of(compressor, selection, reader), readerDir, compressorDir,
                    new Lease());
        }

        /** Gives the pair back after a question; the last user of a retired pair closes it. */
        @Override
        public void close() {
            if (lease.users.decrementAndGet() == 0 && lease.retired.get()) {
                shut();
            }
        }

        void retire() {
            lease.retired.set(true);
            if (lease.users.get() == 0) {
                shut();
            }
        }

        private void shut() {
            if (lease.closed.compareAndSet(false, true)) {
                reader.close();
                compressor.close();
            }
        }
    }

    /** Who holds a pair: the questions using it, and whether it was swapped out and closed. */
    public static final class Lease {
        private final AtomicInteger users = new AtomicInteger();
        private final AtomicBoolean retired = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease() {
        }
    }

    /**
     * The current pair, for the length of one question: close it (try-with-resources) when done,
     * so that a swapped-out pair can be closed.
     */
    public Pair acquire() {
        load();
        while (true) {
            Pair p = current;
            if (p == null) {
                throw new ModelUnavailableException("the models are closed: the service is shutting down", null);
            }
            p.lease.users.incrementAndGet();
            if (p == current && !p.lease.closed.get()) {
                return p;
            }
            p.close(); // swapped out between the read and the count: take the new one
        }
    }

    public ReaderModel reader() {
        load();
        return current.reader();
    }

    public CompressorModel compressor() {
        load();
        return current.compressor();
    }

    /** The precisions the models' linear layers run at. */
    public Precisions precisions() {
        return models.precisions();
    }

    /** ONNX Runtime's intra-op threads per call. */
    public int threads() {
        return models.threads();
    }

    /** The folders of the pair being served, or null before the first load. */
    public Pair loaded() {
        return current;
    }

    /** Loads the configured models if none are loaded yet. */
    public void load() {
        if (current != null) {
            return;
        }
        synchronized (this) {
            if (current == null && !closed) {
                current = open(config.reader(), config.compressor());
            }
        }
    }

    /**
     * Loads the models in {@code readerDir} and {@code compressorDir} and makes them the ones
     * served, once both are loaded; if either fails, the models being served stay.
     */
    public void reload(Path readerDir, Path compressorDir) {
        Pair next = open(readerDir, compressorDir);
        Pair old;
        synchronized (this) {
            if (closed) {
                next.retire();
                throw new ModelUnavailableException("the service is shutting down", null);
            }
            old = current;
            current = next;
        }
        if (old != null) {
            old.retire();
        }
        LOG.infof("now serving reader %s and compressor %s", readerDir, compressorDir);
    }

    private Pair open(Path readerDir, Path compressorDir) {
        long start = System.nanoTime();
        ReaderModel reader = null;
        try {
            ModelArtifact readerArtifact = ModelArtifact.load(readerDir);
            ModelArtifact compressorArtifact = ModelArtifact.load(compressorDir);
            // the small files first: a bad one fails before any model is open
            EvidenceSelection selection = EvidenceSelection.read(compressorDir);
            LoopSettings loop = LoopSettings.read(compressorDir);
            Precisions precisions = models.precisions();
            reader = ReaderModel.open(readerArtifact, models.cache(), models.encoderOptions(), precisions.reader());
            CompressorModel compressor = CompressorModel.open(compressorArtifact, models.cache(), models.encoderOptions(),
                    precisions.compressor());
            LOG.infof("loaded reader %s and compressor %s in %.1f s", readerDir, compressorDir, (System.nanoTime() - start) / 1e9);
            return new Pair(reader, compressor, selection, loop, readerDir, compressorDir);
        } catch (IOException | RuntimeException e) {
            if (reader != null) {
                reader.close(); // half a pair is not kept
            }
            throw new ModelUnavailableException("cannot load the models: " + e.getMessage()
                    + " (train them with models/recipes/train-all.sh)", e);
        }
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        Pair p = current;
        current = null;
        if (p != null) {
            p.retire();
        }
    }
}
