package org.surgeline.stock;

public enum DepotKind {
    /** The city's own reserve, drawn on for any county; it belongs to no county. */
    CITY_RESERVE,
    /** A county's main warehouse. */
    COUNTY_WAREHOUSE,
    /** The store of a key site (an isolation hotel, a testing point). */
    SITE_STORE
}
