package org.surgeline.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an {@link Idempotent} resource method through {@link Idempotency}. It runs inside the bean
 * validation of the resource method (priority 4800), so that a key is only claimed for a valid body.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotentInterceptor {

    private static final Map<Method, Endpoint> ENDPOINTS = new ConcurrentHashMap<>();

    @Inject
    Idempotency idempotency;

    @AroundInvoke
    Object once(InvocationContext call) throws Exception {
        Endpoint endpoint = ENDPOINTS.computeIfAbsent(call.getMethod(), Endpoint::of);
        Object[] args = call.getParameters();
        return idempotency.once((String) args[endpoint.key], endpoint.scope(args), args[endpoint.body],
                () -> (Response) call.proceed());
    }

    /**
     * Where an idempotent method keeps its key and body, and its scope: e.g. {@code POST
     * /api/isolation/sites/{code}/rooms}, the path parameters to be filled in from {@code pathParams}.
     */
    record Endpoint(String scopeTemplate, Map<String, Integer> pathParams, int key, int body) {

        private static final Pattern PATH_PARAM = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(?::[^}]*)?}");

        static Endpoint of(Method method) {
            if (!Response.class.isAssignableFrom(method.getReturnType())) {
                throw misdeclared(method, "return a Response");
            }
            String verb = null;
            for (Annotation a : method.getAnnotations()) {
                HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                if (http != null) {
                    verb = http.value();
                }
            }
            if (verb == null) {
                throw misdeclared(method, "be a resource method");
            }
            Map<String, Integer> pathParams = new HashMap<>();
            Integer key = null;
            Integer body = null;
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                Parameter p = parameters[i];
                HeaderParam header = p.getAnnotation(HeaderParam.class);
                if (header != null && header.value().equalsIgnoreCase(Idempotency.HEADER)) {
                    key = i;
                } else if (p.isAnnotationPresent(PathParam.class)) {
                    pathParams.put(p.getAnnotation(PathParam.class).value(), i);
                } else if (isEntity(p)) {
                    if (body != null) {
                        throw misdeclared(method, "take one request body");
                    }
                    body = i;
                }
            }
            if (key == null || body == null || parameters[key].getType() != String.class) {
                throw misdeclared(method, "declare @HeaderParam(Idempotency.HEADER) String and a request body");
            }
            String path = join(method.getDeclaringClass().getAnnotation(Path.class),
                    method.getAnnotation(Path.class));
            Matcher placeholders = PATH_PARAM.matcher(path);
            while (placeholders.find()) {
                if (!pathParams.containsKey(placeholders.group(1))) {
                    throw misdeclared(method, "take @PathParam(\"" + placeholders.group(1) + "\")");
                }
            }
            return new Endpoint(verb + " " + path, Map.copyOf(pathParams), key, body);
        }

        String scope(Object[] args) {
            Matcher m = PATH_PARAM.matcher(scopeTemplate);
            StringBuilder scope = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(scope, Matcher.quoteReplacement(String.valueOf(args[pathParams.get(m.group(1))])));
            }
            return m.appendTail(scope).toString();
        }

        /** A parameter that JAX-RS fills from neither the URI, the headers nor the context. */
        private static boolean isEntity(Parameter p) {
            for (Annotation a : p.getAnnotations()) {
                String pkg = a.annotationType().getPackageName();
                if (pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive")) {
                    return false;
                }
            }
            return true;
        }

        private static String join(Path type, Path method) {
            StringBuilder path = new StringBuilder();
            for (Path part : new Path[] {type, method}) {
                if (part != null) {
                    String value = part.value().replaceAll("^/+|/+$", "");
                    if (!value.isEmpty()) {
                        path.append('/').append(value);
                    }
                }
            }
            return path.isEmpty() ? "/" : path.toString();
        }

        private static IllegalStateException misdeclared(Method method, String what) {
            return new IllegalStateException("@Idempotent " + method.getDeclaringClass().getSimpleName() + "."
                    + method.getName() + " must " + what);
        }
    }
}
