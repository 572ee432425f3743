package compactqa.api;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

import compactqa.index.IndexService;
import compactqa.qa.QaModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The service's health for orchestrators ({@code /q/health/*}): ready when an index is open and the
 * models are loaded (a pod still building its first index, or without models, takes no traffic);
 * started once both were tried; live while the process can answer at all.
 */
@ApplicationScoped
public class ServiceHealth {

    @Inject
    IndexService index;

    @Inject
    QaModels models;

    @Produces
    @Readiness
    HealthCheck indexOpen() {
        return () -> HealthCheckResponse.named("index").status(index.isReady()).build();
    }

    @Produces
    @Readiness
    HealthCheck modelsLoaded() {
        return () -> {
            QaModels.Pair pair = models.loaded();
            var response = HealthCheckResponse.named("models").status(pair != null);
            if (pair != null) {
                // the folders' names only: where the service's files live is nobody's business on a public probe
                response.withData("reader", pair.readerDir().getFileName().toString())
                        .withData("compressor", pair.compressorDir().getFileName().toString())
                        .withData("precision", models.precisions().id())
                        .withData("threads", models.threads());
            }
            return response.build();
        };
    }

    @Produces
    @Startup
    HealthCheck started() {
        return () -> HealthCheckResponse.named("started").status(index.isReady()).build();
    }

    @Produces
    @Liveness
    HealthCheck alive() {
        return () -> HealthCheckResponse.up("process");
    }
}
