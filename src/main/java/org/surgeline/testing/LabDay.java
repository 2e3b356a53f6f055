package org.surgeline.testing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** Key of a lab's record for one date: its capacity version or its day load. */
@Embeddable
public class LabDay implements Serializable {

    @Column(name = "lab_code")
    public String labCode;
    public LocalDate day;

    protected LabDay() {
    }

    public LabDay(String labCode, LocalDate day) {
        this.labCode = labCode;
        this.day = day;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabDay k && labCode.equals(k.labCode) && day.equals(k.day);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labCode, day);
    }
}
