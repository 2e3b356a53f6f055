package org.surgeline.region;

/** A county to register (demo data and administration). */
public record NewCounty(String code, String nameZh, String namePinyin, long population,
        double latitude, double longitude) {
}
