package compactqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import compactqa.compress.Calibration;
import compactqa.compress.Int8Quantization;
import compactqa.model.ModelArtifact;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A compressed model is served by configuration alone: the shipped reader, compressed to int8 by
 * the same method {@code qa compress} runs, becomes the service's reader through
 * {@code compactqa.qa.reader}, and answers over HTTP.
 */
@QuarkusTest
@QuarkusTestResource(value = CompressedReaderIT.Int8Reader.class, restrictToAnnotatedClass = true)
class CompressedReaderIT {

    /** Writes the int8 reader before the service starts, and points the service at it. */
    public static class Int8Reader implements QuarkusTestResourceLifecycleManager {
        static final Path DIR = Path.of("target/compressed-it/reader-int8");

        @Override
        public Map<String, String> start() {
            try {
                ModelArtifact reader = ModelArtifact.load(Path.of("models/reader"));
                var int8 = new Int8Quantization((String) null, true);
                ModelArtifact.saveCompressed(DIR, int8.apply(reader.checkpoint(), Calibration.NONE), reader.manifest(), int8.settings());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("compactqa.qa.reader", DIR.toString(), "compactqa.index.dir", "target/compressed-it/index",
                    "compactqa.index.default-corpus", "index/demo");
        }

        @Override
        public void stop() {
        }
    }

    // "Its capital is Port Amble" (the fp32 reader's test) is answered "Freedonia" by the third-stage
    // reader quantized this way: this test is about serving a compressed folder, issue 29 about its quality
    @Test
    void theInt8ReaderAnswersFromTheCallersDocuments() throws IOException {
        String body = """
                {"question": "Which city is the capital of Freedonia?", "documents": [
                  {"id": "a", "title": "Freedonia", "text": "Freedonia is a small country. The capital of Freedonia is Port Amble, on the coast."},
                  {"id": "b", "title": "Sylvania", "text": "Sylvania is a neighbouring country. It is known for its hills."}]}""";
        given().contentType("application/json").body(body).when().post("/api/qa").then().statusCode(200)
                .body("answer", containsString("Port Amble")).body("evidence[0].documentId", equalTo("a"));
        // the service really reads the compressed folder
        org.junit.jupiter.api.Assertions.assertTrue(ModelArtifact.load(Int8Reader.DIR).manifest().compression().contains("int8"));
    }
}
