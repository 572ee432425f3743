package compactqa.cli;

import java.util.concurrent.Callable;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import compactqa.index.BuildListener;
import compactqa.index.IndexService;
import compactqa.qa.ModelUnavailableException;
import compactqa.qa.QaConfig;
import compactqa.qa.QaModels;
import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;

/** {@code qa serve}: the HTTP service, building the index from the default corpus on first start. */
@Dependent
@Command(name = "serve",
        description = {"Start the HTTP service (port 8080; set QUARKUS_HTTP_PORT to change it).",
                "On first start, builds the index from the default corpus while answering 503 to searches."})
public class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(ServeCommand.class);

    @Inject
    IndexService index;

    @Inject
    QaModels models;

    @Inject
    QaConfig qa;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    @Override
    public Integer call() throws Exception {
        index.ensureIndex(new LogProgress()).ifPresent(stats -> LOG.infof(
                "built index %s: %,d paragraphs (%,d duplicates skipped) in %.1f s",
                stats.generation(), stats.indexed(), stats.duplicates(), stats.seconds()));
        try {
            models.load();
        } catch (ModelUnavailableException e) {
            if (qa.requireModels()) {
                // a missing or corrupt model is the operator's to fix; serving half a service would hide it
                throw new IllegalStateException("cannot serve: " + e.getMessage()
                        + "; set compactqa.qa.require-models=false to serve search alone");
            }
            LOG.warnf("search works, question answering does not: %s", e.getMessage());
        }
        LOG.infof("CompactQA is ready: try curl 'http://127.0.0.1:%d/api/search?q=Shirley+Temple'", port);
        Quarkus.waitForExit();
        return 0;
    }

    /** Progress as log lines, every few seconds, for a server's log rather than a terminal. */
    private static final class LogProgress implements BuildListener {
        private long lastLog = System.nanoTime();

        @Override
        public void onProgress(long indexed, long duplicates) {
            long now = System.nanoTime();
            if (now - lastLog > 5_000_000_000L) {
                LOG.infof("indexing: %,d paragraphs so far", indexed);
                lastLog = now;
            }
        }
    }
}
