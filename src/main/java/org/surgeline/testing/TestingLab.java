package org.surgeline.testing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.surgeline.platform.ReferenceRecord;

/** A nucleic-acid testing lab. Its capacity is kept as a history in {@link LabCapacity}. */
@Entity
@Table(name = "testing_lab")
public class TestingLab extends ReferenceRecord {

    @Id
    public String code;
    public String name;
    @Column(name = "county_code")
    public String countyCode;
    @Enumerated(EnumType.STRING)
    public LabStatus status;
}
