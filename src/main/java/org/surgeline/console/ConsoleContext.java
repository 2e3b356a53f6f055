package org.surgeline.console;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.surgeline.platform.CallerContext;
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
    @ConfigProperty(name = "surgeline.console.cookie-secure")
    boolean secureCookies;
    @ConfigProperty(name = "surgeline.zone")
    ZoneId zone;

    private String csrfToken;

    /** The page frame: header, navigation and the hidden CSRF field of every form. */
    public Frame frame(String section) {
        boolean signedIn = !identity.isAnonymous();
        Optional<String> own = signedIn ? caller.boundCounty() : Optional.empty();
        return new Frame(section, language(), signedIn ? caller.actorName() : null, roleName(), own.orElse(null),
                own.flatMap(counties::find).map(this::countyName).orElse(null), csrfToken(), zone, request.uri());
    }

    /** A page in the viewer's language. */
    public TemplateInstance render(TemplateInstance page) {
        return page.setLocale(locale());
    }

    /** The officer's own county; empty for city-wide roles. */
    public Optional<String> ownCounty() {
        return caller.boundCounty();
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
        return Optional.ofNullable(request.getHeader("Accept-Language"))
                .flatMap(header -> Locale.LanguageRange.parse(header).stream()
                        .map(range -> range.getRange().toLowerCase(Locale.ROOT))
                        .filter(range -> range.startsWith("zh") || range.startsWith("en"))
                        .findFirst())
                .map(range -> range.startsWith("zh") ? "zh" : "en")
                .orElse("en");
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

        public String htmlLang() {
            return language.equals("zh") ? "zh-CN" : "en";
        }
    }
}
