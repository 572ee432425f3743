package compactqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The admin API: refused without the key, working with it, and never reading outside its folders. */
@QuarkusTest
@TestProfile(AdminResourceTest.WithKey.class)
@QuarkusTestResource(FreshTestIndex.class)
class AdminResourceTest {

    static final String KEY = "test-admin-key-7f3a";

    public static class WithKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("compactqa.admin.api-key", KEY, "compactqa.qa.reader", "target/no-such-reader",
                    "compactqa.qa.compressor", "target/no-such-compressor");
        }
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("X-API-Key", KEY).contentType("application/json");
    }

    @Test
    void withoutTheKeyEveryAdminCallIs401AndTheKeyIsNotEchoed() {
        for (String path : new String[] {"/admin/status", "/admin/index/build", "/admin/models", "/admin/nothing-here"}) {
            given().contentType("application/json").body("{}").when().post(path).then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", containsString("X-API-Key"));
        }
        given().header("X-API-Key", "wrong").when().get("/admin/status").then().statusCode(401)
                .body(not(containsString(KEY))).body(not(containsString("wrong")));
    }

    @Test
    void withTheKeyTheIndexIsRebuiltFromACorpusInsideTheAllowedFolders() {
        admin().body("{\"paths\": [\"demo\"]}").when().post("/admin/index/build").then().statusCode(200)
                .body("indexed", greaterThan(0));
        admin().when().get("/admin/status").then().statusCode(200).body("index.documents", greaterThan(0));
        given().when().get("/api/search?q=Shirley+Temple").then().statusCode(200).body("results.size()", greaterThan(0));
    }

    @Test
    void pathsOutsideTheAllowedFoldersAreRefusedNamingTheField() {
        for (String p : new String[] {"../../etc", "/etc/passwd", "demo/../../pom.xml", "no-such-folder"}) {
            admin().body("{\"paths\": [\"" + p + "\"]}").when().post("/admin/index/build").then().statusCode(400)
                    .body("field", equalTo("paths"));
        }
        admin().body("{\"reader\": \"../../../etc\"}").when().post("/admin/models").then().statusCode(400)
                .body("field", equalTo("reader"));
    }

    @Test
    void aModelFolderWithoutAModelOrOfTheWrongTaskIs400WithTheReason() {
        admin().body("{\"reader\": \"recipes\"}").when().post("/admin/models").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("reader"))
                .body("detail", containsString("holds no model"));
        admin().body("{\"reader\": \"compressor\"}").when().post("/admin/models").then().statusCode(400)
                .body("field", equalTo("reader")).body("detail", containsString("holds a compressor, not a reader"));
        admin().body("{\"compressor\": \"no-such-folder\"}").when().post("/admin/models").then().statusCode(400)
                .body("field", equalTo("compressor"));
    }
}
