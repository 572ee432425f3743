package compactqa.api;

import java.util.concurrent.TimeUnit;

import compactqa.qa.QaAnswer;
import compactqa.qa.QaTrace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The question answering figures operators watch, at {@code /q/metrics} beside the HTTP ones:
 * latency per pipeline stage, compression rate, steps, early stops, and refusals by reason.
 */
@ApplicationScoped
public class QaMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary compression;
    private final DistributionSummary steps;
    private final Counter earlyStops;

    @Inject
    public QaMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.compression = DistributionSummary.builder("compactqa.qa.compression.rate")
                .description("document tokens over evidence tokens, per answer").publishPercentiles(0.5, 0.95).register(registry);
        this.steps = DistributionSummary.builder("compactqa.qa.steps").description("active compression steps per answer")
                .register(registry);
        this.earlyStops = Counter.builder("compactqa.qa.early.stops").description("answers whose reading the sufficiency head ended early")
                .register(registry);
    }

    void answered(QaAnswer answer) {
        QaTrace t = answer.trace();
        stage("retrieval", t.retrievalMs());
        stage("compression", t.compressionMs());
        stage("reader", t.readerMs());
        stage("total", t.totalMs());
        if (t.evidenceTokens() > 0) {
            compression.record(t.compressionRate());
        }
        steps.record(t.steps().size());
        if (t.stoppedEarly()) {
            earlyStops.increment();
        }
    }

    /** A refused or failed request, by reason ({@code invalid}, {@code overloaded}, {@code models}, {@code index}, {@code internal}). */
    void refused(String reason) {
        registry.counter("compactqa.qa.refused", "reason", reason).increment();
    }

    private void stage(String stage, double millis) {
        Timer.builder("compactqa.qa.stage").tag("stage", stage).description("time per pipeline stage")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry).record((long) (millis * 1e6), TimeUnit.NANOSECONDS);
    }
}
