package org.surgeline.isolation;

public enum SiteKind {
    HOTEL, DORMITORY, MAKESHIFT_HOSPITAL, HOSPITAL_WARD
}
