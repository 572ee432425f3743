package compactqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

import compactqa.index.BuildListener;
import compactqa.index.IndexService;

/**
 * The service configured for hybrid retrieval and two hops, over real HTTP: the demo corpus is
 * embedded by bge-small-en-v1.5 into its own index, search fuses BM25 and the vectors, and a
 * question's trace shows the second search where the first step did not suffice.
 */
@QuarkusTest
@TestProfile(HybridServiceIT.Hybrid.class)
class HybridServiceIT {

    @Inject
    IndexService index;

    @BeforeEach
    void ensureIndex() throws IOException {
        index.ensureIndex(BuildListener.NONE);
    }

    public static class Hybrid implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("compactqa.index.dir", "target/hybrid-it-index", "compactqa.index.default-corpus", "index/demo",
                    "compactqa.index.dense.encoder", "bge-small-en-v1.5", "compactqa.index.search.retrieval", "hybrid",
                    "compactqa.qa.hops", "2", "compactqa.qa.sufficiency-threshold", "1.0", "compactqa.qa.deadline", "120s");
        }
    }

    @Test
    void searchFusesBothRankingsAndAnIndexRecordsItsEncoder() {
        // BM25 alone finds only the paragraphs naming Corliss (fewer than five); the fused ranking
        // also holds the nearest vectors, so it fills all five places from a corpus of 44
        given().queryParam("q", "Corliss").queryParam("k", 5).when().get("/api/search").then().statusCode(200)
                .body("results.size()", equalTo(5))
                .body("results.title", hasItem("Kiss and Tell (1945 film)"));
    }

    @Test
    void aQuestionSearchesAgainWithItsEvidence() {
        // a sufficiency threshold of 1 never ends the reading early, so the first step is followed by a second search
        given().contentType("application/json")
                .body("{\"question\": \"What government position was held by the woman who portrayed Corliss Archer in the film Kiss and Tell?\"}")
                .when().post("/api/qa").then().statusCode(200)
                .body("trace.steps[0].hop.query", notNullValue())
                .body("trace.steps[0].hop.query.length()", greaterThan(60));
    }
}
