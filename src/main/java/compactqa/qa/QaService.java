package compactqa.qa;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Answers questions on a bounded pool: {@link QaConfig#workers()} at once, at most
 * {@link QaConfig#queue()} waiting, and beyond that an immediate {@link OverloadedException}
 * rather than an unbounded queue. A question not answered within {@link QaConfig#deadline()} of
 * its arrival, queueing included, fails the same way; its work is interrupted and stops at the
 * next step boundary (a model call in flight cannot be interrupted, so it finishes first). On shutdown, questions already taken are finished.
 * Thread-safe.
 */
@ApplicationScoped
public class QaService {

    private final Function<QaRequest, QaAnswer> pipeline;
    private final ThreadPoolExecutor executor;
    private final Duration deadline;

    @Inject
    public QaService(QaPipeline pipeline, QaConfig config) {
        this(pipeline::answer, config.workers(), config.queue(), config.deadline());
    }

    /** A service answering with {@code pipeline}, for tests. */
    public QaService(Function<QaRequest, QaAnswer> pipeline, int workers, int queue, Duration deadline) {
        if (workers < 1 || queue < 0) {
            throw new IllegalArgumentException("at least one worker and a queue of zero or more are needed");
        }
        this.pipeline = pipeline;
        this.deadline = deadline;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "qa-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * The answer to {@code request}.
     *
     * @throws OverloadedException if the service is saturated or the deadline passes
     */
    public QaAnswer answer(QaRequest request) {
        Future<QaAnswer> future;
        try {
            future = executor.submit(() -> pipeline.apply(request));
        } catch (RejectedExecutionException e) {
            throw new OverloadedException("every worker is busy and the queue is full; try again shortly");
        }
        try {
            return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new OverloadedException("the answer took longer than the " + deadline.toMillis() + " ms deadline");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new OverloadedException("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Questions waiting for a worker. */
    public int waiting() {
        return executor.getQueue().size();
    }

    @PreDestroy
    void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}
