package org.surgeline.platform;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents the error side of the API once: every 4xx/5xx response is problem+json, and every
 * {@code /api} operation may answer 401 (all of them require a signed-in caller) and 403 (a caller
 * holding none of the roles it names, or an officer bound to no county).
 */
public class ProblemResponses implements OASFilter {

    private static final String SCHEMA_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Operation operation : item.getOperations().values()) {
                if (path.startsWith("/api/") && operation.getResponses().getAPIResponse("401") == null) {
                    operation.getResponses().addAPIResponse("401",
                            OASFactory.createAPIResponse().description("Not signed in"));
                }
                if (path.startsWith("/api/") && operation.getResponses().getAPIResponse("403") == null) {
                    operation.getResponses().addAPIResponse("403", OASFactory.createAPIResponse()
                            .description("The caller holds none of the roles that may call it"));
                }
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (status.charAt(0) >= '4' && response.getContent() == null) {
                        response.setContent(problemContent());
                    }
                });
            }
        });
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF)));
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("field", string(), "message", string()));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem detail; problem-specific members may be added")
                .addProperty("type", string().format("uri"))
                .addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string())
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .additionalPropertiesBoolean(true);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
