package org.surgeline.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.surgeline.platform.LastChange;

/**
 * One shift of a county's duty roster, on the day it starts. A shift whose end is not after its
 * start runs into the next day (20:00–08:00; 08:00–08:00 is 24 hours); {@code startsAt} and
 * {@code endsAt} hold it as instants.
 */
@Entity
@Table(name = "duty_shift")
public class DutyShift extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "duty_shift_seq")
    @SequenceGenerator(name = "duty_shift_seq", sequenceName = "duty_shift_seq", allocationSize = 50)
    public Long id;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "duty_day")
    public LocalDate day;
    @Column(name = "from_time")
    public LocalTime from;
    @Column(name = "to_time")
    public LocalTime to;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "person_name")
    public String name;
    public String phone;
    @Column(name = "duty_role")
    public String role;
    @Embedded
    public LastChange lastChange = new LastChange();
}
