package compactqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the HTTP layer refuses before any resource sees the request still speaks problem+json, and
 * every response carries the security headers.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestIndex.class)
class HttpEdgesTest {

    /** A request written to the socket as it is: HTTP clients refuse to send a malformed URI. */
    private static String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRequestLineThatIsNotAUriIs400AndTheConnectionCloses() throws IOException {
        // Vert.x's codec refuses these before Quarkus routes anything, with an empty 400 that no
        // application hook can replace (README, "Errors"); what matters is that nothing behind it runs
        for (String line : new String[] {"GET /api/search?q=%zz HTTP/1.1", "GET /api/search?q=100% HTTP/1.1", "GET /api/%zz HTTP/1.1"}) {
            String response = raw(line).toLowerCase(Locale.ROOT);
            assertTrue(response.startsWith("http/1.1 400"), line + " => " + response);
            assertTrue(response.contains("connection: close"), line + " => " + response);
        }
        // an escape the codec lets through is the API's to judge, in problem+json
        String latin1 = raw("GET /api/search?q=%E9t%E9&k=0 HTTP/1.1");
        assertTrue(latin1.startsWith("HTTP/1.1 400"), latin1);
        assertTrue(latin1.contains("application/problem+json") && latin1.contains("\"field\":\"k\""), latin1);
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJson() {
        String big = "{\"question\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        given().contentType("application/json").body(big).when().post("/api/qa").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413)).body("detail", containsString("body"));
    }

    @Test
    void anOverlongUriIs414ProblemJson() {
        given().urlEncodingEnabled(false).when().get("/api/search?q=" + "a".repeat(70_000)).then().statusCode(414)
                .contentType("application/problem+json").body("status", equalTo(414));
    }

    @Test
    void responsesCarryTheSecurityHeadersAndNoServerVersion() {
        given().queryParam("q", "Shirley Temple").when().get("/api/search").then()
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src"))
                .header("Server", nullValue());
        given().when().get("/api/nothing-here").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
    }
}
