package compactqa.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import compactqa.index.BuildListener;
import compactqa.index.IndexService;

/**
 * Seeded junk at every route: random Unicode (lone surrogates, controls, right-to-left marks,
 * query syntax), empty and huge strings, malformed and deeply nested JSON, wrong types, wrong
 * methods and content types. Nothing may answer 5xx; what is malformed must answer 4xx with a
 * problem body. Runs on the shipped models, so that well-formed odd questions are really answered.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestIndex.class)
class FuzzIT {

    @Inject
    IndexService index;

    /** A fresh JVM's first start builds the index in the background; wait for it as search tests do. */
    @BeforeEach
    void ensureIndex() throws IOException {
        index.ensureIndex(BuildListener.NONE);
    }

    private static final Random RANDOM = new Random(20261201);
    private static final String[] ODD = {"", " ", "\u0000", "\uD800", "\uDFFF", "\u202E", "\uFEFF", "\u200B", "😀", "\t\n\r",
            "*", "?", "~", ":", "(", ")", "[", "]", "{", "}", "^", "\"", "\\", "/", "AND", "OR", "NOT", "+-", "&&", "||", "%", "%00",
            "<script>", "'; DROP TABLE", "${jndi:ldap://x}", "../../etc/passwd", "null", "NaN", "-1", "1e309"};

    private final List<String> failures = new ArrayList<>();

    private static String junk(int maxLength) {
        StringBuilder s = new StringBuilder();
        int length = RANDOM.nextInt(maxLength + 1);
        while (s.length() < length) {
            switch (RANDOM.nextInt(4)) {
                case 0 -> s.append(ODD[RANDOM.nextInt(ODD.length)]);
                case 1 -> s.appendCodePoint(RANDOM.nextInt(0x10FFFF + 1));
                case 2 -> s.append((char) RANDOM.nextInt(0x10000)); // lone surrogates included
                default -> s.append("who when where what ".split(" ")[RANDOM.nextInt(4)]).append(' ');
            }
        }
        return s.toString();
    }

    /** Records a failure unless {@code r} is below 500 (and 4xx with a problem body where {@code malformed}). */
    private void check(String what, Response r, boolean malformed) {
        int status = r.statusCode();
        if (status >= 500) {
            failures.add(status + " for " + what + ": " + r.asString());
        } else if (malformed && (status < 400 || !r.contentType().startsWith("application/problem+json"))) {
            failures.add(status + " (" + r.contentType() + ") for malformed " + what);
        }
    }

    @Test
    void junkSearchesNeverFailTheServer() {
        for (int i = 0; i < 150; i++) {
            String q = junk(i % 10 == 0 ? 3000 : 60);
            Response r = given().urlEncodingEnabled(true).queryParam("q", q).queryParam("k", RANDOM.nextBoolean()
                    ? String.valueOf(RANDOM.nextInt(400) - 100) : junk(5)).when().get("/api/search");
            check("search " + i, r, false);
        }
        check("search without q", given().when().get("/api/search"), true);
        check("search with a huge q", given().queryParam("q", "a".repeat(50_000)).when().get("/api/search"), true);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void malformedQuestionBodiesAre4xx() {
        List<String> bodies = new ArrayList<>(List.of("", "{", "}", "[]", "null", "true", "42", "\"q\"", "{\"question\": }",
                "{\"question\": \"a\"} trailing", "{\"question\": 1}", "{\"question\": [\"a\"]}", "{\"question\": {\"a\": 1}}",
                "{\"question\": null}", "{\"question\": \"\"}", "{\"question\": \"a\", \"k\": \"ten\"}", "{\"question\": \"a\", \"k\": 1.5}",
                "{\"question\": \"a\", \"k\": -3}", "{\"question\": \"a\", \"k\": 99999999999}", "{\"question\": \"a\", \"documents\": 3}",
                "{\"question\": \"a\", \"documents\": [1, 2]}", "{\"question\": \"a\", \"documents\": []}",
                "{\"question\": \"a\", \"documents\": [{\"text\": 5}]}", "{\"question\": \"a\", \"documents\": [{}]}",
                "{\"question\": \"" + "x".repeat(5000) + "\"}", "{\"question\": \"a\", \"budgetTokens\": 1}",
                "{\"question\": \"a\", \"segmentSize\": 0}", "{\"question\": \"a\", \"maxSteps\": 1000}"));
        bodies.add("[".repeat(5000) + "]".repeat(5000));
        bodies.add("{\"question\": " + "{\"a\": ".repeat(3000) + "1" + "}".repeat(3000) + "}");
        for (String body : bodies) {
            check("qa body " + body.substring(0, Math.min(60, body.length())),
                    given().contentType("application/json").body(body).when().post("/api/qa"), true);
        }
        byte[] notUtf8 = {'{', '"', 'q', 'u', 'e', 's', 't', 'i', 'o', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        check("qa body of invalid UTF-8", given().contentType("application/json").body(notUtf8).when().post("/api/qa"), false);
        check("qa as text/plain", given().contentType("text/plain").body("who?").when().post("/api/qa"), true);
        check("qa by GET", given().when().get("/api/qa"), true);
        check("qa by DELETE", given().when().delete("/api/qa"), true);
        // the HTTP layer refuses it before the API sees it, so no problem body, but a 413
        Response huge = given().contentType("application/json")
                .body(("{\"question\": \"" + "y".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8)).when().post("/api/qa");
        if (huge.statusCode() != 413) {
            failures.add(huge.statusCode() + " for a 3 MB body, beyond the 2 MB limit");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void oddButWellFormedQuestionsAreAnsweredOrRefusedCleanly() {
        for (int i = 0; i < 20; i++) {
            String body = "{\"question\": " + com.fasterxml.jackson.databind.node.TextNode.valueOf(junk(80)) + "}";
            check("odd question " + i, given().contentType("application/json").body(body).when().post("/api/qa"), false);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void junkDocumentIdsAndRoutesAre4xx() {
        for (int i = 0; i < 40; i++) {
            String id = java.net.URLEncoder.encode(junk(40), StandardCharsets.UTF_8);
            check("document " + i, given().urlEncodingEnabled(false).when().get("/api/documents/" + id), false);
        }
        for (String path : new String[] {"/api", "/api/", "/api/nothing", "/api/documents/", "/api/search/extra", "/admin/status"}) {
            check("route " + path, given().when().get(path), true);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
