package compactqa.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Ends an ONNX Runtime call whose thread was interrupted (a question past its deadline): a call in
 * native code cannot see the interrupt, so a watcher looks every {@link #SWEEP_MILLIS} ms and sets
 * the call's terminate flag, which ONNX Runtime checks between operators. The work then stops
 * within milliseconds of the deadline rather than at the end of the batch.
 *
 * <p>A call's run options are touched only under their own lock and only while the call holds
 * them, so the watcher never reaches options the call has closed.
 */
final class RunTerminator implements AutoCloseable {

    static final long SWEEP_MILLIS = 50;

    private final Map<Thread, OrtSession.RunOptions> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher;

    RunTerminator(String name) {
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The calling thread is about to run with {@code options}. */
    void begin(OrtSession.RunOptions options) {
        running.put(Thread.currentThread(), options);
    }

    /** The calling thread's run is over; after this, {@code options} may be closed. */
    void end(OrtSession.RunOptions options) {
        synchronized (options) {
            running.remove(Thread.currentThread(), options);
        }
    }

    private void sweep() {
        running.forEach((thread, options) -> {
            if (thread.isInterrupted()) {
                synchronized (options) {
                    if (running.get(thread) == options) {
                        try {
                            options.setTerminate(true);
                        } catch (OrtException e) {
                            // the call ends on its own; the batch-level check catches it then
                        }
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
