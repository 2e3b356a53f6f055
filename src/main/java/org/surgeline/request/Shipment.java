package org.surgeline.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.surgeline.platform.LastChange;

/** Stock of one supply line on its way from a depot to the requesting county. */
@Entity
public class Shipment extends PanacheEntityBase {

    /** A lot the shipment carries, so delivery books in the same lots that left. */
    @jakarta.persistence.Embeddable
    public static class Lot {
        public String lot;
        @Column(name = "expires_on")
        public LocalDate expiresOn;
        public long quantity;
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipment_seq")
    @SequenceGenerator(name = "shipment_seq", sequenceName = "shipment_seq", allocationSize = 50)
    public Long id;
    @Column(name = "request_id")
    public long requestId;
    @Column(name = "line_id")
    public long lineId;
    @Column(name = "from_depot")
    public String fromDepot;
    @Column(name = "to_county")
    public String toCounty;
    @Column(name = "to_depot")
    public String toDepot;
    @Column(name = "item_code")
    public String itemCode;
    public long quantity;
    @Enumerated(EnumType.STRING)
    public ShipmentState state;
    @Column(name = "reservation_id")
    public Long reservationId;
    public String reference;
    /** The published plan that created this shipment; null for shipments planned by hand. */
    @Column(name = "plan_id")
    public Long planId;
    @ElementCollection
    @CollectionTable(name = "shipment_lot", joinColumns = @JoinColumn(name = "shipment_id"))
    public List<Lot> lots = new ArrayList<>();
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Embedded
    public LastChange lastChange = new LastChange();
}
