package org.surgeline.region;

/** Travel time from one county to another, and whether it was derived or set by hand. */
public record TravelTime(String from, String to, int minutes, double distanceKm, Source source) {

    public enum Source {
        /** From great-circle distance, road factor and average speed. */
        DERIVED,
        /** Set by hand with {@code PUT /api/travel-times/{from}/{to}}. */
        OVERRIDE
    }
}
