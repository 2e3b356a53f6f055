package org.surgeline.console;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** A browser-like console session over plain HTTP: signed in by the form, with its cookies and CSRF token. */
final class ConsoleSession {

    final Map<String, String> cookies;
    final String csrf;

    private ConsoleSession(Map<String, String> cookies, String csrf) {
        this.cookies = cookies;
        this.csrf = csrf;
    }

    static ConsoleSession signIn(String user, String password) {
        Response login = given().redirects().follow(false).formParam("j_username", user)
                .formParam("j_password", password).post("/j_security_check");
        Map<String, String> cookies = new java.util.HashMap<>(login.getCookies());
        Response board = given().cookies(cookies).get("/console");
        cookies.putAll(board.getCookies());
        String csrf = board.htmlPath().getString("html.head.meta.find { it.@name == 'csrf-token' }.@content");
        return new ConsoleSession(cookies, csrf);
    }

    static ConsoleSession signIn(String user) {
        return signIn(user, user.startsWith("officer") ? "officer" : user);
    }

    RequestSpecification page() {
        return given().cookies(cookies).redirects().follow(false);
    }

    /** A form post from the console's own page: same origin, with the session's token. */
    RequestSpecification post() {
        return page().header("Origin", origin()).formParam(ConsoleContext.CSRF_FIELD, csrf);
    }

    static String origin() {
        return "http://localhost:" + RestAssured.port;
    }
}
