package compactqa.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The bounded pool: saturation is refused at once, slow answers hit the deadline. */
class QaServiceTest {

    private static QaAnswer answer(String q) {
        return new QaAnswer(q, "a", AnswerKind.SPAN, 1, List.of(), new QaTrace(0, List.of(), false, 0, 0, 0, 0, 0, 0, null, null));
    }

    @Test
    void answersWhileThereIsRoom() {
        QaService service = new QaService(r -> answer(r.question()), 1, 1, Duration.ofSeconds(5));
        assertEquals("a", service.answer(QaRequest.of("q")).answer());
    }

    @Test
    void aFullPoolAndQueueAreRefusedImmediately() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        QaService service = new QaService(r -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer(r.question());
        }, 1, 1, Duration.ofMinutes(1));
        ExecutorService callers = Executors.newFixedThreadPool(2);
        Future<QaAnswer> running = callers.submit(() -> service.answer(QaRequest.of("first")));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        Future<QaAnswer> queued = callers.submit(() -> service.answer(QaRequest.of("second")));
        while (service.waiting() < 1) {
            Thread.onSpinWait();
        }
        // the worker is busy and the queue holds the second: the third is refused at once, not after
        // the one-minute deadline (whose refusal would speak of the deadline)
        OverloadedException e = assertThrows(OverloadedException.class, () -> service.answer(QaRequest.of("third")));
        assertTrue(e.getMessage().contains("queue is full"), e.getMessage());
        release.countDown();
        assertEquals("first", running.get(5, TimeUnit.SECONDS).question());
        assertEquals("second", queued.get(5, TimeUnit.SECONDS).question());
        callers.shutdown();
    }

    @Test
    void aSlowAnswerFailsAtTheDeadlineAndItsWorkIsInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        QaService service = new QaService(r -> {
            try {
                never.await(); // only an interruption ends it
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return answer(r.question());
        }, 1, 0, Duration.ofMillis(200));
        OverloadedException e = assertThrows(OverloadedException.class, () -> service.answer(QaRequest.of("slow")));
        assertTrue(e.getMessage().contains("deadline"), e.getMessage());
        assertTrue(interrupted.await(60, TimeUnit.SECONDS), "the worker is told to stop, so it is free for the next question");
    }

    @Test
    void pipelineErrorsPassThrough() {
        QaService service = new QaService(r -> {
            throw new IllegalArgumentException("bad documents");
        }, 1, 0, Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> service.answer(QaRequest.of("q")));
    }
}
