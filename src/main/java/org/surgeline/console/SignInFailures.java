package org.surgeline.console;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A refused sign-in goes back to the form with a message. The form mechanism would redirect there
 * itself, but with HTTP Basic enabled for /api in dev and test the failed POST can be answered with
 * Basic's bare 401 challenge instead, which a browser shows as a blank page or a password dialog.
 */
@ApplicationScoped
public class SignInFailures {

    void backToTheForm(@Observes Router router) {
        router.post("/j_security_check").order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                if (context.response().getStatusCode() == 401) {
                    context.response().setStatusCode(302)
                            .putHeader(HttpHeaders.LOCATION, "/console/login?error=true")
                            .headers().remove("WWW-Authenticate");
                }
            });
            context.next();
        });
    }
}
