package compactqa.qa;

import java.io.IOException;

import org.jboss.logging.Logger;

import compactqa.model.CompressorModel;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelConfig;
import compactqa.model.ReaderModel;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The trained reader and compressor of this process, loaded once on first use (the service loads
 * them at start) and closed on shutdown. A missing or corrupt model fails with a
 * {@link ModelUnavailableException} naming its file; the next call tries again. Thread-safe.
 */
@ApplicationScoped
public class QaModels {

    private static final Logger LOG = Logger.getLogger(QaModels.class);

    private final QaConfig config;
    private final ModelConfig models;
    private volatile ReaderModel reader;
    private volatile CompressorModel compressor;

    @Inject
    public QaModels(QaConfig config, ModelConfig models) {
        this.config = config;
        this.models = models;
    }

    public ReaderModel reader() {
        load();
        return reader;
    }

    public CompressorModel compressor() {
        load();
        return compressor;
    }

    /** Loads both models if they are not loaded yet. */
    public synchronized void load() {
        if (reader != null && compressor != null) {
            return;
        }
        long start = System.nanoTime();
        ReaderModel openedReader = null;
        try {
            ModelArtifact readerArtifact = ModelArtifact.load(config.reader());
            ModelArtifact compressorArtifact = ModelArtifact.load(config.compressor());
            openedReader = ReaderModel.open(readerArtifact, models.cache(), models.encoderOptions(), models.linearPrecision());
            compressor = CompressorModel.open(compressorArtifact, models.cache(), models.encoderOptions(), models.linearPrecision());
            reader = openedReader;
            LOG.infof("loaded reader %s and compressor %s in %.1f s", config.reader(), config.compressor(),
                    (System.nanoTime() - start) / 1e9);
        } catch (IOException | RuntimeException e) {
            if (openedReader != null) {
                openedReader.close(); // half a pair is not kept: the next call loads both again
            }
            throw new ModelUnavailableException("cannot load the models: " + e.getMessage()
                    + " (train them with models/recipes/train-all.sh)", e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (reader != null) {
            reader.close();
        }
        if (compressor != null) {
            compressor.close();
        }
    }
}
