package compactqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@code POST /api/qa}: input validation, and the answer when the models are missing. */
@QuarkusTest
@TestProfile(QaResourceTest.NoModels.class)
@QuarkusTestResource(FreshTestIndex.class)
class QaResourceTest {

    /** Points the service at model folders that do not exist. */
    public static class NoModels implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("compactqa.qa.reader", "target/no-such-reader", "compactqa.qa.compressor", "target/no-such-compressor");
        }
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType("application/json").body(body).when().post("/api/qa").then();
    }

    @Test
    void aMissingOrBlankQuestionIs400NamingIt() {
        for (String body : new String[] {"{}", "{\"question\": \"  \"}", "{\"question\": null}"}) {
            post(body).statusCode(400).contentType("application/problem+json").body("field", equalTo("question"));
        }
    }

    @Test
    void anOversizedQuestionIs400() {
        post("{\"question\": \"" + "why ".repeat(300) + "\"}").statusCode(400).body("field", equalTo("question"))
                .body("detail", containsString("too long"));
    }

    @Test
    void settingsOutOfRangeAre400NamingTheField() {
        post("{\"question\": \"q?\", \"k\": 0}").statusCode(400).body("field", equalTo("k"));
        post("{\"question\": \"q?\", \"segmentSize\": 99}").statusCode(400).body("field", equalTo("segmentSize"));
        post("{\"question\": \"q?\", \"maxSteps\": -1}").statusCode(400).body("field", equalTo("maxSteps"));
        post("{\"question\": \"q?\", \"budgetTokens\": 5}").statusCode(400).body("field", equalTo("budgetTokens"));
        post("{\"question\": \"q?\", \"minConfidence\": 1.5}").statusCode(400).body("field", equalTo("minConfidence"));
        post("{\"question\": \"q?\", \"minConfidence\": -0.1}").statusCode(400).body("field", equalTo("minConfidence"));
    }

    @Test
    void wrongTypesAndMalformedJsonAre400() {
        post("{\"question\": \"q?\", \"k\": \"ten\"}").statusCode(400).contentType("application/problem+json").body("field", equalTo("k"));
        post("{\"question\": [1, 2]}").statusCode(400).body("field", equalTo("question"));
        post("{\"question\": \"q?\"").statusCode(400).contentType("application/problem+json").body("detail", containsString("not valid JSON"));
        post("not json at all").statusCode(400);
    }

    @Test
    void numbersMustBeJsonNumbersOfTheRightKind() {
        post("{\"question\": \"q?\", \"k\": 1.9}").statusCode(400).contentType("application/problem+json").body("field", equalTo("k"));
        post("{\"question\": \"q?\", \"k\": \"7\"}").statusCode(400).body("field", equalTo("k"));
        post("{\"question\": \"q?\", \"segmentSize\": 2.0}").statusCode(400).body("field", equalTo("segmentSize"));
        post("{\"question\": \"q?\", \"minConfidence\": \"0.5\"}").statusCode(400).body("field", equalTo("minConfidence"));
        post("{\"question\": \"q?\", \"k\": true}").statusCode(400).body("field", equalTo("k"));
    }

    @Test
    void documentsCostingMoreThanTheCapAre422BeforeAnyWork() {
        String text = "Word ".repeat(3_900);
        String docs = String.join(",", java.util.Collections.nCopies(11, "{\"text\": \"" + text + "\"}"));
        // 11 documents of 19,500 characters: about 53,600 tokens against the default 50,000; refused
        // although the models are missing, since the cost is checked before a worker is taken
        post("{\"question\": \"q?\", \"documents\": [" + docs + "]}").statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("documents"))
                .body("detail", containsString("max-request-tokens"));
    }

    @Test
    void documentsAreChecked() {
        post("{\"question\": \"q?\", \"documents\": []}").statusCode(400).body("field", equalTo("documents"));
        post("{\"question\": \"q?\", \"documents\": [{\"title\": \"t\"}]}").statusCode(400).body("field", equalTo("documents[0].text"));
        post("{\"question\": \"q?\", \"documents\": [null]}").statusCode(400).body("field", equalTo("documents[0]"));
    }

    @Test
    void withoutModelsAValidQuestionIs503WithRetryAfterAndNoInternals() {
        post("{\"question\": \"Who played Corliss Archer?\"}").statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("models are not available"));
    }

    @Test
    void otherContentTypesAre415() {
        given().contentType("text/plain").body("question").when().post("/api/qa").then().statusCode(415)
                .contentType("application/problem+json");
    }
}
