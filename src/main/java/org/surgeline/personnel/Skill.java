package org.surgeline.personnel;

public enum Skill {
    SAMPLING, CONTACT_TRACING, MEDICAL, DISINFECTION, TRANSPORT, SITE_MANAGEMENT
}
