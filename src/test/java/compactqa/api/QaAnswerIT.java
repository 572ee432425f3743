package compactqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import compactqa.index.BuildListener;
import compactqa.index.IndexService;

/**
 * {@code POST /api/qa} on the shipped models over real HTTP: the answer with its evidence and
 * trace, and the 503 a saturated service gives. The index is the demo corpus (fast to build).
 */
@QuarkusTest
@TestProfile(QaAnswerIT.OneWorker.class)
class QaAnswerIT {

    @Inject
    IndexService index;

    /** A fresh JVM's first start builds the index in the background; wait for it as search tests do. */
    @BeforeEach
    void ensureIndex() throws IOException {
        index.ensureIndex(BuildListener.NONE);
    }

    /**
     * One worker and no queue, so that a burst of questions saturates the service; a deadline long
     * enough that a loaded machine's slow first answer is not refused for time (the burst is about
     * the queue, and a timed-out answer would keep the one worker busy for the tests after it).
     */
    public static class OneWorker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("compactqa.index.dir", "target/qa-it-index", "compactqa.index.default-corpus", "index/demo",
                    "compactqa.qa.workers", "1", "compactqa.qa.queue", "0", "compactqa.qa.deadline", "120s");
        }
    }

    private static final String QUESTION = "What government position was held by the woman who portrayed Corliss Archer in the film Kiss and Tell?";

    private static Response ask(String body) {
        return given().contentType("application/json").body(body).when().post("/api/qa");
    }

    /**
     * The two-hop question gets the whole answer shape. Which evidence it finds is the
     * models' quality, measured by {@code qa eval qa}; the shipped compressor finds the first hop
     * (the Corliss Archer paragraphs) but not yet Shirley Temple's.
     */
    @Test
    void aRetrievedQuestionIsAnsweredWithEvidenceAndTrace() {
        ask("{\"question\": \"" + QUESTION + "\"}").then().statusCode(200)
                .body("answer", not(emptyString()))
                .body("confidence", notNullValue())
                .body("evidence.size()", greaterThan(0))
                .body("evidence.title", hasItem(containsString("Corliss Archer")))
                .body("evidence.end", everyItem(greaterThan(0)))
                .body("trace.steps.size()", greaterThan(0))
                .body("trace.steps[0].documents.size()", greaterThan(0))
                .body("trace.documentTokens", greaterThan(0));
    }

    @Test
    void healthNamesTheServedModelsWithoutTheirPaths() {
        ask("{\"question\": \"" + QUESTION + "\"}").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'models' }.data.reader", equalTo("reader"))
                .body("checks.find { it.name == 'models' }.data.compressor", equalTo("compressor"))
                .body("checks.find { it.name == 'models' }.data.precision", equalTo("reader-fp32+compressor-int8"))
                .body("checks.find { it.name == 'models' }.data.threads", equalTo(2))
                .body(not(containsString("\"/")));
    }

    @Test
    void aQuestionOfOnlyCommonWordsIs400NamingTheQuestion() {
        ask("{\"question\": \"the and or?\"}").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("question"))
                .body("detail", containsString("the question has no searchable words"));
    }

    @Test
    void theTraceCountsEverySentenceAndSpellsTypesAsTheReadmeDoes() {
        // the counting itself is ActiveCompressorTest's; here, that it reaches the JSON in the README's spelling
        ask("{\"question\": \"" + QUESTION + "\"}").then().statusCode(200)
                .body("type", anyOf(equalTo("span"), equalTo("yes"), equalTo("no"), equalTo("none")))
                .body("trace.steps[0].belowThreshold", notNullValue());
    }

    @Test
    void aOneHopQuestionIsAnsweredFromTheSentenceThatHoldsTheAnswer() {
        ask("{\"question\": \"Which actress starred as Corliss Archer in Kiss and Tell?\"}").then().statusCode(200)
                .body("answer", containsString("Shirley Temple"))
                .body("evidence.text", hasItem("It stars Shirley Temple as the teenager Corliss Archer."));
    }

    @Test
    void theCallersDocumentsAreReadInsteadOfTheIndex() {
        String body = """
                {"question": "Which city is the capital of Freedonia?", "documents": [
                  {"id": "a", "title": "Freedonia", "text": "Freedonia is a small country. Its capital is Port Amble, on the coast."},
                  {"id": "b", "title": "Sylvania", "text": "Sylvania is a neighbouring country. It is known for its hills."}]}""";
        ask(body).then().statusCode(200).body("answer", containsString("Port Amble")).body("evidence[0].documentId", equalTo("a"))
                .body("type", equalTo("span")).body("trace.bestGuess", nullValue());
    }

    /** Above the caller's threshold nothing is answered: type none, the best guess kept in the trace. */
    @Test
    void anAnswerBelowTheCallersConfidenceIsWithheld() {
        String body = """
                {"question": "Which city is the capital of Freedonia?", "minConfidence": 1.0, "documents": [
                  {"id": "a", "title": "Freedonia", "text": "Freedonia is a small country. Its capital is Port Amble, on the coast."}]}""";
        ask(body).then().statusCode(200).body("type", equalTo("none")).body("answer", emptyString())
                .body("trace.bestGuess.answer", containsString("Port Amble"))
                .body("trace.bestGuess.type", equalTo("span"))
                .body("trace.bestGuess.threshold", equalTo(1.0f))
                .body("evidence.size()", greaterThan(0));
    }

    @Test
    void aBurstBeyondTheOneWorkerIs503WithRetryAfter() throws Exception {
        ask("{\"question\": \"warm up\"}").then().statusCode(200);
        int callers = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Response>> responses = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            responses.add(pool.submit(() -> {
                go.await();
                return ask("{\"question\": \"" + QUESTION + "\"}");
            }));
        }
        go.countDown();
        int ok = 0;
        int refused = 0;
        for (Future<Response> f : responses) {
            Response r = f.get();
            if (r.statusCode() == 200) {
                ok++;
            } else {
                r.then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue())
                        .body("detail", containsString("queue is full"));
                refused++;
            }
        }
        pool.shutdown();
        assertTrue(ok >= 1 && refused >= 1, ok + " answered, " + refused + " refused");
    }
}
