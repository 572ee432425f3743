package compactqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Health, metrics and the API description, on a service whose models are missing. */
@QuarkusTest
@TestProfile(ObservabilityTest.NoModels.class)
@QuarkusTestResource(FreshTestIndex.class)
class ObservabilityTest {

    public static class NoModels implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("compactqa.qa.reader", "target/no-such-reader", "compactqa.qa.compressor", "target/no-such-compressor");
        }
    }

    @Test
    void liveButNotReadyWithoutModels() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks.name", hasItem("models")).body("checks.name", hasItem("index"));
    }

    @Test
    void refusalsAndHttpTrafficAreCountedInPrometheusFormat() {
        given().contentType("application/json").body("{}").when().post("/api/qa").then().statusCode(400);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("compactqa_qa_refused_total{reason=\"invalid\"}"))
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void theApiIsDescribedAndBrowsable() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/api/qa"))
                .body(containsString("/api/search"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
