package org.surgeline.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/** Signing in to the console, and what the console session can and cannot reach. */
@QuarkusTest
class ConsoleSecurityTest {

    @Test
    void anAnonymousVisitorIsSentToTheSignInForm() {
        given().redirects().follow(false).get("/console")
                .then().statusCode(302).header("Location", endsWith("/console/login"));
        given().get("/console/login").then().statusCode(200)
                .body(containsString("name=\"j_username\""), containsString("<label for=\"j_password\""));
    }

    @Test
    void theApiStaysA401ProblemWithoutCredentialsAndIgnoresTheConsoleSession() {
        ConsoleSession session = ConsoleSession.signIn(DemoUsers.SCHEDULER);
        given().redirects().follow(false).get("/api/counties")
                .then().statusCode(401).contentType("application/problem+json");
        // The session cookie is for pages only: /api wants an Authorization header, so no CSRF reaches it.
        given().cookies(session.cookies).redirects().follow(false).get("/api/counties")
                .then().statusCode(401).contentType("application/problem+json");
        DemoUsers.as(DemoUsers.SCHEDULER).get("/api/counties").then().statusCode(200);
    }

    @Test
    void aSignedInSchedulerSeesTheBoard() {
        ConsoleSession session = ConsoleSession.signIn(DemoUsers.SCHEDULER);
        session.page().get("/console").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<table class=\"board\""), containsString("Hongtong"));
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithAMessage() {
        Response login = given().redirects().follow(false).formParam("j_username", DemoUsers.SCHEDULER)
                .formParam("j_password", "wrong").post("/j_security_check");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/console/login?error=true");
        assertThat(login.getCookies()).doesNotContainKey("surgeline-session");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        Response login = given().redirects().follow(false).formParam("j_username", DemoUsers.SCHEDULER)
                .formParam("j_password", DemoUsers.SCHEDULER).post("/j_security_check");
        String cookie = login.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("surgeline-session=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void aCallerWithoutARoleGetsNothing() {
        ConsoleSession session = ConsoleSession.signIn(DemoUsers.ROLELESS, DemoUsers.ROLELESS);
        session.page().get("/console").then().statusCode(403).contentType(containsString("text/html"))
                .body(not(containsString("<table class=\"board\"")));
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleSession session = ConsoleSession.signIn(DemoUsers.SCHEDULER);
        session.post().post("/console/logout").then().statusCode(303)
                .header("Location", endsWith("/console/login"))
                .cookie("surgeline-session", equalTo(""));
    }

    @Test
    void aForgedCrossSitePostIsRefused() {
        ConsoleSession session = ConsoleSession.signIn(DemoUsers.SCHEDULER);
        // Another site's page posting with the victim's cookies: wrong Origin, no token.
        session.page().header("Origin", "https://evil.example").post("/console/logout")
                .then().statusCode(403).contentType(containsString("text/html"));
        // Same origin claimed, but without the session's token.
        session.page().header("Origin", ConsoleSession.origin()).formParam(ConsoleContext.CSRF_FIELD, "guess")
                .post("/console/logout").then().statusCode(403);
        // Neither Origin nor Referer: refused, not assumed to be ours.
        session.page().formParam(ConsoleContext.CSRF_FIELD, session.csrf).post("/console/logout")
                .then().statusCode(403);
        session.page().get("/console").then().statusCode(200);
    }

    @Test
    void theLanguageSwitchIsRememberedAndOnlyGoesBackToConsolePages() {
        Response chosen = given().redirects().follow(false).queryParam("lang", "zh")
                .queryParam("back", "https://evil.example/").get("/console/language");
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.header("Location")).endsWith("/console");
        given().cookie(ConsoleContext.LANGUAGE_COOKIE, chosen.cookie(ConsoleContext.LANGUAGE_COOKIE))
                .get("/console/login").then().body(containsString("登录值班台"), containsString("lang=\"zh-CN\""));
        given().header("Accept-Language", "zh-CN,zh;q=0.9").get("/console/login")
                .then().body(containsString("登录值班台"));
        given().header("Accept-Language", "en-GB").get("/console/login").then().body(containsString("Sign in to"));
    }
}
