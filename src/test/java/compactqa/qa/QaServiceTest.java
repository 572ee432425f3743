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

import compactqa.corpus.Document;

/** The bounded pool: saturation is refused at once, slow answers hit the deadline. */
class QaServiceTest {

    private static QaAnswer answer(String q) {
        return new QaAnswer(q, "a", AnswerKind.SPAN, 1, List.of(), List.of(), new QaTrace(0, List.of(), false, 0, 0, 0, 0, 0, 0, null, null));
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

    private static QaRequest withDocument(String question, int chars) {
        Document d = Document.fromSentences("d", "", List.of("x".repeat(chars)), "request");
        return new QaRequest(question, null, null, null, null, List.of(d), null);
    }

    @Test
    void aHeavyQuestionIsRefusedWhileTheHeavyLaneIsTakenAndOrdinaryOnesStillAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch heavyStarted = new CountDownLatch(1);
        QaService service = new QaService(r -> {
            if (r.question().startsWith("heavy")) {
                heavyStarted.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return answer(r.question());
        }, 2, 4, Duration.ofMinutes(1), new QaService.HeavyLane(1000, 1, 5));
        ExecutorService callers = Executors.newFixedThreadPool(1);
        // 8,000 characters: about 2,000 tokens, over the lane's 1,000; five retrieved documents, 750, are not
        Future<QaAnswer> heavy = callers.submit(() -> service.answer(withDocument("heavy 1", 8000)));
        assertTrue(heavyStarted.await(5, TimeUnit.SECONDS));
        OverloadedException e = assertThrows(OverloadedException.class, () -> service.answer(withDocument("heavy 2", 8000)));
        assertTrue(e.getMessage().contains("heavy"), e.getMessage());
        assertThrows(OverloadedException.class, () -> service.refuseIfHeavyLaneFull(2000), "known before the documents are split");
        service.refuseIfHeavyLaneFull(500);
        assertEquals("light", service.answer(withDocument("light", 400)).question(), "an ordinary question still has a worker");
        assertEquals("retrieved", service.answer(QaRequest.of("retrieved")).question());
        release.countDown();
        assertEquals("heavy 1", heavy.get(5, TimeUnit.SECONDS).question());
        service.refuseIfHeavyLaneFull(2000);
        assertEquals("heavy 3", service.answer(withDocument("heavy 3", 8000)).question(), "the lane is free once the work ended");
        callers.shutdown();
    }

    @Test
    void aHeavyPlaceIsHeldUntilTheWorkStopsNotUntilTheCallerGivesUp() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        QaService service = new QaService(r -> {
            if (r.question().equals("stubborn")) {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                // a model call in flight finishes before the interruption is seen
                try {
                    finish.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return answer(r.question());
        }, 2, 0, Duration.ofMillis(200), new QaService.HeavyLane(1000, 1, 10));
        assertThrows(OverloadedException.class, () -> service.answer(withDocument("stubborn", 8000)));
        assertTrue(interrupted.await(5, TimeUnit.SECONDS));
        // the caller has its 503, but the work still runs: the lane is still taken
        assertThrows(OverloadedException.class, () -> service.answer(withDocument("next", 8000)));
        finish.countDown();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String answered = null;
        while (answered == null && System.nanoTime() < until) {
            try {
                answered = service.answer(withDocument("after", 8000)).question();
            } catch (OverloadedException e) {
                Thread.sleep(20);
            }
        }
        assertEquals("after", answered);
    }

    @Test
    void theEstimateCountsOwnDocumentsByCharactersAndRetrievedOnesByK() {
        assertEquals(2000, withDocument("q", 8000).estimatedTokens(10));
        assertEquals(10 * QaRequest.TOKENS_PER_RETRIEVED_DOCUMENT, QaRequest.of("q").estimatedTokens(10));
        assertEquals(100 * QaRequest.TOKENS_PER_RETRIEVED_DOCUMENT,
                new QaRequest("q", 100, null, null, null, null, null).estimatedTokens(10));
    }

    @Test
    void pipelineErrorsPassThrough() {
        QaService service = new QaService(r -> {
            throw new IllegalArgumentException("bad documents");
        }, 1, 0, Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> service.answer(QaRequest.of("q")));
    }
}
