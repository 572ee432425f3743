package compactqa.model;

import java.util.concurrent.CancellationException;

/**
 * Cooperative cancellation inside a model call: ONNX Runtime cannot be interrupted mid-run, so the
 * models check between batches whether the calling thread was interrupted (a question past its
 * deadline) and stop there, within one batch of the deadline, instead of scoring every window.
 */
final class Interruption {

    private Interruption() {
    }

    /**
     * @throws CancellationException if the current thread is interrupted; its interrupt flag stays
     *                               set, so that the caller's own checks see it too
     */
    static void check(String what, int done, int total) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException(what + " was cancelled after " + done + " of " + total + " windows");
        }
    }
}
