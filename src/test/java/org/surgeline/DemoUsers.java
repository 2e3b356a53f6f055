package org.surgeline;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as the demo users of the dev and test profiles (HTTP Basic). */
public final class DemoUsers {

    public static final String ADMIN = "admin";
    public static final String SCHEDULER = "scheduler";
    public static final String WAREHOUSE = "warehouse";
    /** Signed in, but holding none of the four roles (test profile only). */
    public static final String ROLELESS = "no-role";
    /** An officer bound to no county (test profile only). */
    public static final String OFFICER_WITHOUT_COUNTY = "officer";

    private DemoUsers() {
    }

    public static String officerOf(String county) {
        return "officer-" + county;
    }

    /** A JSON request signed in as {@code user}. */
    public static RequestSpecification as(String user) {
        String password = user.startsWith("officer") ? "officer" : user.startsWith("duty-scheduler") ? "scheduler" : user;
        return given().auth().preemptive().basic(user, password).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }
}
