package org.surgeline.personnel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A team working in a county from one date to another, as a published plan decided. */
@Entity
@Table(name = "team_deployment")
public class TeamDeployment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_deployment_seq")
    @SequenceGenerator(name = "team_deployment_seq", sequenceName = "team_deployment_seq", allocationSize = 50)
    public Long id;
    @Column(name = "team_code")
    public String teamCode;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "from_date")
    public LocalDate fromDate;
    @Column(name = "to_date")
    public LocalDate toDate;
    public String reference;
    /** The allocation request the deployment serves; cancelling it releases the deployment. */
    @Column(name = "request_id")
    public Long requestId;
}
