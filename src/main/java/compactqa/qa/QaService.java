package compactqa.qa;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * next model batch. Heavy questions (more than {@link HeavyLane#tokens()} estimated tokens) share
 * {@link HeavyLane#workers()} places, taken from arrival until their work has stopped; a heavy
 * question finding them full is refused at once, so costly callers cannot starve ordinary ones.
 * On shutdown, questions already taken are finished. Thread-safe.
 */
@ApplicationScoped
public class QaService {

    private final Function<QaRequest, QaAnswer> pipeline;
    private final ThreadPoolExecutor executor;
    private final Duration deadline;
    private final HeavyLane heavyLane;
    private final Semaphore heavyPlaces;

    /**
     * Which questions are heavy and how many of them may run or wait at once.
     *
     * @param tokens   a question estimated above this many tokens is heavy
     * @param workers  heavy questions admitted at once
     * @param defaultK documents a question retrieves when it does not say, for the estimate
     */
    public record HeavyLane(long tokens, int workers, int defaultK) {

        /** No question is heavy. */
        public static final HeavyLane NONE = new HeavyLane(Long.MAX_VALUE, 1, 10);

        public HeavyLane {
            if (tokens < 1 || workers < 1 || defaultK < 1) {
                throw new IllegalArgumentException("the heavy lane needs a positive token limit, workers and default k");
            }
        }

        boolean admits(QaRequest request) {
            return request.estimatedTokens(defaultK) <= tokens;
        }
    }

    @Inject
    public QaService(QaPipeline pipeline, QaConfig config) {
        this(pipeline::answer, config.workers(), config.queue(), config.deadline(),
                new HeavyLane(config.heavyTokens(), config.heavyWorkers(), config.k()));
    }

    /** A service answering with {@code pipeline} where no question is heavy, for tests. */
    public QaService(Function<QaRequest, QaAnswer> pipeline, int workers, int queue, Duration deadline) {
        this(pipeline, workers, queue, deadline, HeavyLane.NONE);
    }

    /** A service answering with {@code pipeline}. */
    public QaService(Function<QaRequest, QaAnswer> pipeline, int workers, int queue, Duration deadline, HeavyLane heavyLane) {
        if (workers < 1 || queue < 0) {
            throw new IllegalArgumentException("at least one worker and a queue of zero or more are needed");
        }
        this.pipeline = pipeline;
        this.deadline = deadline;
        this.heavyLane = heavyLane;
        this.heavyPlaces = new Semaphore(heavyLane.workers());
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
        Place place = Place.NONE;
        if (!heavyLane.admits(request)) {
            if (!heavyPlaces.tryAcquire()) {
                throw heavyLaneFull();
            }
            place = new Place(heavyPlaces);
        }
        Place held = place;
        // set by whichever comes first: the worker starting the question, or the caller giving up on it
        AtomicBoolean taken = new AtomicBoolean();
        Future<QaAnswer> future;
        try {
            future = executor.submit(() -> {
                if (!taken.compareAndSet(false, true)) {
                    return null;
                }
                try {
                    return pipeline.apply(request);
                } finally {
                    held.release();
                }
            });
        } catch (RejectedExecutionException e) {
            held.release();
            throw new OverloadedException("every worker is busy and the queue is full; try again shortly");
        }
        try {
            return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            giveUp(future, taken, held);
            throw new OverloadedException("the answer took longer than the " + deadline.toMillis() + " ms deadline");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUp(future, taken, held);
            throw new OverloadedException("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Refuses at once a question of about {@code estimatedTokens} tokens that is heavy while the
     * heavy lane is full, before its documents are prepared; {@link #answer} decides for certain.
     *
     * @throws OverloadedException if so
     */
    public void refuseIfHeavyLaneFull(long estimatedTokens) {
        if (estimatedTokens > heavyLane.tokens() && heavyPlaces.availablePermits() == 0) {
            throw heavyLaneFull();
        }
    }

    private OverloadedException heavyLaneFull() {
        return new OverloadedException("the service is answering " + heavyLane.workers() + " heavy question(s) (more than about "
                + heavyLane.tokens() + " tokens of documents) already; send fewer or shorter documents, or try again shortly");
    }

    /**
     * Interrupts a question's work. A heavy question's place is freed by its worker once the work has
     * stopped, or here if no worker took it yet: the place counts CPU in use, not callers waiting.
     */
    private static void giveUp(Future<QaAnswer> future, AtomicBoolean taken, Place held) {
        future.cancel(true);
        if (taken.compareAndSet(false, true)) {
            held.release();
        }
    }

    /** A heavy question's place, released once. */
    private static final class Place {

        static final Place NONE = new Place(null);

        private final Semaphore places;
        private final AtomicBoolean released = new AtomicBoolean();

        Place(Semaphore places) {
            this.places = places;
        }

        void release() {
            if (places != null && released.compareAndSet(false, true)) {
                places.release();
            }
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
