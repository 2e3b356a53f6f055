package org.surgeline.console;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Numbers, shares and times as the page's language writes them; times in the city's zone. Figures
 * that may be absent (no capacity, no record yet) are written {@code {fmt:pct(share)}}: a namespace
 * function takes a null and writes a dash, where {@code {share.pct}} could not be called on one.
 */
@TemplateExtension
public class ConsoleFormat {

    static final String NONE = "–";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static String num(long value, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return NumberFormat.getIntegerInstance(locale(locale)).format(value);
    }

    @TemplateExtension(namespace = "fmt")
    static String dec(Double value, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale(locale));
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(1);
        return format.format(value);
    }

    @TemplateExtension(namespace = "fmt")
    static String pct(Double share, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        if (share == null) {
            return NONE;
        }
        return NumberFormat.getPercentInstance(locale(locale)).format(share);
    }

    @TemplateExtension(namespace = "fmt")
    static String time(Instant at, ZoneId zone) {
        return at == null ? NONE : TIME.format(at.atZone(zone));
    }

    static String day(LocalDate date) {
        return date == null ? NONE : date.toString();
    }

    /** Values as a comma-separated list, as the page's script reads a chart's series from a data attribute. */
    static String csv(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Locale locale(Object locale) {
        return locale instanceof Locale l ? l : Locale.ENGLISH;
    }
}
