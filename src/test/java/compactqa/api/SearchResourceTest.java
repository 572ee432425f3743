package compactqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import compactqa.index.BuildListener;
import compactqa.index.IndexService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The search API over HTTP, on the demo corpus indexed the way a first start does it. */
@QuarkusTest
@QuarkusTestResource(FreshTestIndex.class)
class SearchResourceTest {

    @Inject
    IndexService index;

    @BeforeEach
    void ensureIndex() throws IOException {
        index.ensureIndex(BuildListener.NONE);
    }

    @Test
    void searchReturnsRankedParagraphsWithSnippets() {
        given().queryParam("q", "Shirley Temple").queryParam("k", 3)
                .when().get("/api/search")
                .then().statusCode(200)
                .contentType("application/json")
                .body("query", equalTo("Shirley Temple"))
                .body("k", equalTo(3))
                .body("results", hasSize(3))
                .body("results[0].title", equalTo("Shirley Temple"))
                .body("results[0].rank", equalTo(1))
                .body("results[0].snippet", containsString("<b>Shirley</b> <b>Temple</b>"))
                .body("results[0].score", greaterThan(given().queryParam("q", "Shirley Temple").get("/api/search")
                        .path("results[1].score")))
                .body("totalHits", greaterThan(2))
                .body("tookMs", notNullValue());
    }

    @Test
    void defaultKIsTen() {
        given().queryParam("q", "born city river")
                .when().get("/api/search")
                .then().statusCode(200)
                .body("k", equalTo(10))
                .body("results.size()", lessThanOrEqualTo(10));
    }

    @Test
    void missingOrBlankQueryIs400NamingQ() {
        for (String q : new String[] {null, "", "   "}) {
            var request = given();
            if (q != null) {
                request.queryParam("q", q);
            }
            request.when().get("/api/search")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("field", equalTo("q"))
                    .body("detail", containsString("required"));
        }
    }

    @Test
    void oversizedQueryIs400NamingQ() {
        given().queryParam("q", "tower ".repeat(300))
                .when().get("/api/search")
                .then().statusCode(400)
                .body("field", equalTo("q"))
                .body("detail", containsString("too long"));
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        // 600 emoji are 1,200 UTF-16 units but 600 characters, within the limit of 1,000
        given().queryParam("q", "\uD83D\uDE00".repeat(600) + " tower")
                .when().get("/api/search")
                .then().statusCode(200);
    }

    @Test
    void queryWithNoSearchableWordsIs400() {
        given().queryParam("q", "the of ?!")
                .when().get("/api/search")
                .then().statusCode(400)
                .body("field", equalTo("q"))
                .body("detail", containsString("no searchable words"));
    }

    @Test
    void malformedOrOutOfRangeKIs400NamingK() {
        for (String k : new String[] {"abc", "0", "-3", "101", "1.5", "99999999999", "+5", "\u0665"}) {
            given().queryParam("q", "tower").queryParam("k", k)
                    .when().get("/api/search")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("field", equalTo("k"));
        }
    }

    @Test
    void controlCharactersAre400() {
        given().queryParam("q", "tower\u0000").when().get("/api/search").then().statusCode(400).body("field", equalTo("q"));
    }

    @Test
    void documentsComeWithSentenceOffsets() {
        given().when().get("/api/documents/demo-001")
                .then().statusCode(200)
                .body("title", equalTo("Shirley Temple"))
                .body("sentences", hasSize(3))
                .body("sentences[1].text", equalTo("As an adult she turned to public service."))
                .body("sentences[1].start", equalTo(183));
        given().when().get("/api/documents/no-such-id")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no-such-id"));
    }

    @Test
    void unknownRoutesAndMethodsGetProblemBodiesWithoutInternals() {
        given().when().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/api/search").then().statusCode(405).contentType("application/problem+json")
                .body("detail", equalTo("method not allowed on this resource"));
    }

    @Test
    void indexDescriptionListsSources() {
        given().when().get("/api/index")
                .then().statusCode(200)
                .body("documents", equalTo(44))
                .body("analyzer", notNullValue())
                .body("sources.'corpus.jsonl'", equalTo(44));
    }

    @Test
    void everyResultHasTheFieldsAClientNeeds() {
        given().queryParam("q", "Paris engineer").queryParam("k", 5)
                .when().get("/api/search")
                .then().statusCode(200)
                .body("results.id", everyItem(notNullValue()))
                .body("results.title", everyItem(notNullValue()))
                .body("results.source", everyItem(equalTo("corpus.jsonl")));
    }
}
