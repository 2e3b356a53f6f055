package org.surgeline.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The single error mapper: every failure leaves the service as RFC 9457 problem+json, with no
 * stack trace and no SQL in the body.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ConfigProperty(name = "quarkus.http.auth.basic", defaultValue = "false")
    boolean basicAuth;

    public static Response toResponse(Problem problem) {
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return toResponse(e.problem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        return toResponse(validation(e.getConstraintViolations()));
    }

    /** The 400 problem of failed bean validation, one field error per violation, named as the body's fields. */
    public static Problem validation(Set<? extends ConstraintViolation<?>> violations) {
        return Problem.validation(violations.stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList());
    }

    // Named one by one: Quarkus ships mappers for some of these subtypes, and the most specific wins.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class})
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            String message = "has the wrong type or shape";
            if (e instanceof UnrecognizedPropertyException) {
                message = "unknown field";
            } else if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
                message = f.getTargetType().isEnum()
                        ? "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants())
                        : "cannot be read as " + f.getTargetType().getSimpleName();
            }
            return toResponse(Problem.validation(List.of(new Problem.FieldError(field, message))));
        }
        return toResponse(new Problem("malformed-json", "Malformed JSON", 400,
                "The request body is not valid JSON", null));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        Response problem = toResponse(new Problem("unauthorized", "Unauthorized", 401,
                "Sign in to call this endpoint", null));
        return Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, basicAuth ? "Basic realm=\"surgeline\"" : "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return toResponse(new Problem("forbidden", "Forbidden", 403,
                "Your role may not call this endpoint", null));
    }

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e) {
        return toResponse(new Problem("concurrent-update", "Conflict", 409,
                "The record was changed by someone else at the same time; read it again and retry", null));
    }

    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e) {
        return toResponse(new Problem("constraint-violated", "Conflict", 409,
                "The change conflicts with existing data", null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.StatusType statusType = e.getResponse().getStatusInfo();
        String slug = statusType.getReasonPhrase().toLowerCase().replace(' ', '-');
        return toResponse(new Problem(slug, statusType.getReasonPhrase(), status, e.getMessage(), null));
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return toResponse(new Problem("internal-error", "Internal server error", 500,
                "Something went wrong on our side; quote incident " + incident, null)
                .with("incident", incident));
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? (parameter == null ? "body" : parameter) : field.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
