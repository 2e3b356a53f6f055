package org.surgeline.console;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.ProblemMapper;

/**
 * Refuses a console form posted from another site (cross-site request forgery). The session cookie
 * is {@code SameSite=Lax}, and on top of that an unsafe request must come from this origin
 * ({@code Origin}, else {@code Referer}; neither is a refusal) and carry the session's CSRF token, in
 * the form field {@value ConsoleContext#CSRF_FIELD} or the header {@value ConsoleContext#CSRF_HEADER}
 * (htmx), equal to the token in its cookie (a cookie another site can neither read nor set).
 */
public class CsrfGuard {

    @Inject
    HttpServerRequest request;

    @ServerRequestFilter(readBody = true)
    public Optional<Response> refuseForgedPosts(ContainerRequestContext context) {
        if (!context.getUriInfo().getPath().startsWith("/console") || isSafe(context.getMethod())) {
            return Optional.empty();
        }
        if (!sameOrigin()) {
            return refuse("This form was not sent from this site's own pages");
        }
        Cookie cookie = request.getCookie(ConsoleContext.CSRF_COOKIE);
        String sent = Optional.ofNullable(context.getHeaderString(ConsoleContext.CSRF_HEADER))
                .orElseGet(() -> formField(context));
        if (cookie == null || sent == null || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            return refuse("The form's security token is missing or outdated: reload the page and send it again");
        }
        return Optional.empty();
    }

    private static boolean isSafe(String method) {
        return method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD) || method.equals(HttpMethod.OPTIONS);
    }

    private boolean sameOrigin() {
        String origin = Optional.ofNullable(request.getHeader("Origin")).orElseGet(() -> request.getHeader("Referer"));
        if (origin == null || origin.equals("null")) {
            return false;
        }
        try {
            // Host and port only: behind an ingress that ends TLS the scheme seen here is http.
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(request.getHeader("Host"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String formField(ContainerRequestContext context) {
        // readBody = true: the form is read by now, before any resource method sees it.
        Object value = CurrentRequestManager.get().getFormParameter(ConsoleContext.CSRF_FIELD, true, false);
        return value == null ? null : value.toString();
    }

    private static Optional<Response> refuse(String detail) {
        return Optional.of(ProblemMapper.toResponse(ProblemException.forbidden(detail).problem()));
    }
}
