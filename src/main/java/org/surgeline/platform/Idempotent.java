package org.surgeline.platform;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a resource method that creates something safe to retry with an {@link Idempotency#HEADER}
 * ({@link Idempotency}). The method declares the header as a {@code @HeaderParam} (so the API
 * documents it), takes the request body as its one entity parameter and returns a {@code Response};
 * its scope is the HTTP method and the resource path with the path parameters filled in. With or
 * without the header, the method runs in one transaction.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
