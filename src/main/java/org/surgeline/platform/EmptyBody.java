package org.surgeline.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An empty body is no body, whatever Content-Type it declares or lacks: {@code curl -X POST}, an
 * HTML form without fields and htmx send actions so. Read as an empty JSON body, an optional body
 * arrives as null and a required one fails validation (400), instead of a 415 for the type of
 * nothing. A body that is not empty keeps its type, so one that is not JSON is still a 415.
 */
public class EmptyBody {

    @ServerRequestFilter(preMatching = true)
    public void emptyBodyIsJson(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod()) && isEmpty(request)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    /** HTTP/1.1: a request has a body only if it declares a length or a transfer coding (RFC 9112, 6.3). */
    private static boolean isEmpty(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length == null ? request.getHeaderString("Transfer-Encoding") == null : "0".equals(length.trim());
    }
}
