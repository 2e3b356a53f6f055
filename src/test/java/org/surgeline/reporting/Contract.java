package org.surgeline.reporting;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;

/**
 * Checks every answer of the reporting endpoints against the service's own OpenAPI document: an
 * undocumented status, a body the document does not describe, or a field of the wrong type fails
 * the test that made the call. Calls to other contexts pass unchecked.
 */
final class Contract implements Filter {

    static final Contract CHECK = new Contract();

    private volatile OpenApiValidationFilter validator;

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext ctx) {
        String path = URI.create(request.getURI()).getPath();
        if (!path.startsWith("/api/reports") && !path.startsWith("/api/problems") && !path.startsWith("/api/duty")) {
            return ctx.next(request, response);
        }
        return validator().filter(request, response, ctx);
    }

    private OpenApiValidationFilter validator() {
        if (validator == null) {
            String document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                    .asString();
            // Requests are checked by the service itself (tests send invalid ones on purpose); the
            // answers are what the document promises.
            validator = new OpenApiValidationFilter(OpenApiInteractionValidator
                    .createForInlineApiSpecification(document)
                    .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());
        }
        return validator;
    }
}
