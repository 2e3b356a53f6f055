package org.surgeline.console;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.CountyAugmentor;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.ProblemMapper;
import org.surgeline.platform.Roles;
import org.surgeline.region.County;
import org.surgeline.region.CountyService;

/**
 * What every console page needs to know about the request: who is signed in and for which county,
 * the language (a remembered choice, else the browser's {@code Accept-Language}), and the session's
 * CSRF token, which every form carries back ({@link CsrfGuard}).
 */
@RequestScoped
public class ConsoleContext {

    static final String LANGUAGE_COOKIE = "surgeline-lang";
    static final String CSRF_COOKIE = "surgeline-csrf";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpServerRequest request;
    @Inject
    CallerContext caller;
    @Inject
    SecurityIdentity identity;
    @Inject
    CountyService counties;
    @Inject
    Validator validator;
    @ConfigProperty(name = "surgeline.console.cookie-secure")
    boolean secureCookies;
    @ConfigProperty(name = "surgeline.zone")
    ZoneId zone;

    private String csrfToken;

    /** The page frame: header, navigation and the hidden CSRF field of every form. */
    public Frame frame(String section) {
        return frame(section, true);
    }

    /**
     * The frame of an error page, which may be rendered on the I/O thread (a refused role check comes
     * before the request reaches a worker): no database read, so the county shows by its code.
     */
    Frame errorFrame() {
        return frame("error", false);
    }

    private Frame frame(String section, boolean countyNames) {
        boolean signedIn = !identity.isAnonymous();
        // Read, never thrown: an officer without a county is refused before any page, and its error
        // page must still render.
        Optional<String> own = signedIn && caller.isCountyBound()
                ? Optional.ofNullable(identity.<String>getAttribute(CountyAugmentor.COUNTY_ATTRIBUTE)) : Optional.empty();
        String ownName = countyNames ? own.flatMap(counties::find).map(this::countyName).orElse(null) : own.orElse(null);
        return new Frame(section, language(), signedIn ? caller.actorName() : null, roleName(), own.orElse(null),
                ownName, csrfToken(), zone, request.method() == HttpMethod.GET ? request.uri() : "/console");
    }

    /** A form's body checked by the rules the API checks it by; a refusal is the API's 400 problem. */
    public <T> T valid(T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemMapper.validation(violations));
        }
        return body;
    }

    /** A page in the viewer's language. */
    public TemplateInstance render(TemplateInstance page) {
        return page.setLocale(locale());
    }

    /** The officer's own county; empty for city-wide roles. */
    public Optional<String> ownCounty() {
        return caller.boundCounty();
    }

    /**
     * The county a county desk shows: the one asked for (for an officer, their own only: another is
     * not found), else the officer's own, else the first for city-wide roles, who choose another.
     */
    public String deskCounty(String asked) {
        return caller.readScope(asked == null || asked.isBlank() ? null : asked.trim())
                .orElseGet(() -> counties.list().get(0).code);
    }

    /** Every county to choose from, named in the viewer's language. */
    public List<CountyChoice> countyChoices() {
        return counties.list().stream().map(c -> new CountyChoice(c.code, countyName(c))).toList();
    }

    /** Whether the viewer holds one of {@code roles} and may act for {@code county} (an officer: their own only). */
    public boolean mayActFor(String county, String... roles) {
        return Arrays.stream(roles).anyMatch(caller::hasRole) && caller.mayActFor(county);
    }

    @TemplateData
    public record CountyChoice(String code, String name) {
    }

    /** A county's name in the viewer's language: Chinese characters, or pinyin. */
    public String countyName(County county) {
        return language().equals("zh") ? county.nameZh : county.namePinyin;
    }

    public Locale locale() {
        return language().equals("zh") ? CHINESE : Locale.ENGLISH;
    }

    /** "zh" or "en": the switch's remembered choice, else the browser's first preference we speak. */
    public String language() {
        Cookie chosen = request.getCookie(LANGUAGE_COOKIE);
        if (chosen != null && (chosen.getValue().equals("zh") || chosen.getValue().equals("en"))) {
            return chosen.getValue();
        }
        String header = request.getHeader("Accept-Language");
        try {
            return header == null ? "en" : Locale.LanguageRange.parse(header).stream()
                    .map(range -> range.getRange().toLowerCase(Locale.ROOT))
                    .filter(range -> range.startsWith("zh") || range.startsWith("en"))
                    .findFirst().map(range -> range.startsWith("zh") ? "zh" : "en").orElse("en");
        } catch (IllegalArgumentException malformed) {
            // The REST layer answers such a request 400; its error page still needs a language.
            return "en";
        }
    }

    void rememberLanguage(String language) {
        request.response().addCookie(cookie(LANGUAGE_COOKIE, language).setMaxAge(365L * 24 * 3600));
    }

    /** The session's CSRF token: the one its cookie holds, or a new one set now. */
    String csrfToken() {
        if (csrfToken == null) {
            Cookie existing = request.getCookie(CSRF_COOKIE);
            if (existing != null && !existing.getValue().isBlank()) {
                csrfToken = existing.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                request.response().addCookie(cookie(CSRF_COOKIE, csrfToken));
            }
        }
        return csrfToken;
    }

    private Cookie cookie(String name, String value) {
        return Cookie.cookie(name, value).setPath("/console").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(secureCookies);
    }

    private String roleName() {
        for (String role : new String[] {Roles.ADMIN, Roles.SCHEDULER, Roles.WAREHOUSE, Roles.OFFICER}) {
            if (caller.hasRole(role)) {
                return role;
            }
        }
        return "";
    }

    /**
     * The frame of every page. {@code county} is the officer's own county (null for city-wide roles);
     * {@code zone} is the city's, in which every date and time is shown.
     */
    public record Frame(String section, String language, String user, String role, String county,
            String countyName, String csrf, ZoneId zone, String path) {

        public String otherLanguage() {
            return language.equals("zh") ? "en" : "zh";
        }

        public boolean isOfficer() {
            return county != null;
        }

        public boolean isScheduler() {
            return role.equals(Roles.SCHEDULER) || role.equals(Roles.ADMIN);
        }

        /** Plans are read by everyone but officers, who read their lines' explanations on their requests. */
        public boolean readsPlans() {
            return !role.equals(Roles.OFFICER) && !role.isEmpty();
        }

        public String htmlLang() {
            return language.equals("zh") ? "zh-CN" : "en";
        }
    }
}
