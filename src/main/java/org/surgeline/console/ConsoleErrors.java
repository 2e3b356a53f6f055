package org.surgeline.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.surgeline.platform.Problem;

/**
 * A console page that fails shows an error page in the viewer's language, made from the same problem
 * details the API answers (status, detail, incident), instead of problem+json.
 */
public class ConsoleErrors {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(ConsoleContext.Frame frame, Problem problem);
    }

    @Inject
    ConsoleContext console;

    @ServerResponseFilter
    public void renderProblems(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/console") && response.getEntity() instanceof Problem problem) {
            response.setEntity(console.render(Templates.error(console.frame("error"), problem)).render(), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
