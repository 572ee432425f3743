package compactqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import compactqa.qa.QaRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The API description says what the API enforces: required fields, the ranges the code checks, the problem responses, the admin key. */
@QuarkusTest
@QuarkusTestResource(FreshTestIndex.class)
class OpenApiTest {

    private static io.restassured.response.ValidatableResponse openapi() {
        return given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void theQuestionBodyStatesWhatIsRequiredAndTheRangesTheCodeChecks() {
        String body = "components.schemas.QaRequestBody.";
        openapi().body(body + "required", hasItem("question"))
                .body(body + "properties.segmentSize.minimum", equalTo(QaRequest.SEGMENT_SIZE.min()))
                .body(body + "properties.segmentSize.maximum", equalTo(QaRequest.SEGMENT_SIZE.max()))
                .body(body + "properties.maxSteps.minimum", equalTo(QaRequest.MAX_STEPS.min()))
                .body(body + "properties.maxSteps.maximum", equalTo(QaRequest.MAX_STEPS.max()))
                .body(body + "properties.budgetTokens.minimum", equalTo(QaRequest.BUDGET_TOKENS.min()))
                .body(body + "properties.budgetTokens.maximum", equalTo(QaRequest.BUDGET_TOKENS.max()))
                .body(body + "properties.k.maximum", equalTo(QaRequest.K.max()))
                .body(body + "properties.documents.maxItems", equalTo(QaResource.MAX_DOCUMENTS))
                .body("components.schemas.DocumentBody.required", hasItem("text"))
                .body("components.schemas.DocumentBody.properties.text.maxLength", equalTo(QaResource.MAX_DOCUMENT_CHARS));
    }

    @Test
    void errorsAreDescribedAsProblems() {
        for (String code : new String[] {"400", "413", "422", "503"}) {
            openapi().body("paths.'/api/qa'.post.responses.'" + code + "'.content.'application/problem+json'", notNullValue());
        }
        openapi().body("paths.'/api/search'.get.parameters.find { it.name == 'q' }.required", equalTo(true))
                .body("paths.'/api/search'.get.responses.'400'.content.'application/problem+json'", notNullValue());
    }

    @Test
    void theAdminApiNamesItsKey() {
        openapi().body("components.securitySchemes.adminKey.type", equalTo("apiKey"))
                .body("components.securitySchemes.adminKey.name", equalTo(AdminKeyFilter.HEADER))
                .body("components.securitySchemes.adminKey.in", equalTo("header"))
                .body("paths.'/admin/models'.post.security[0].adminKey", notNullValue());
    }
}
