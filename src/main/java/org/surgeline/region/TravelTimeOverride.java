package org.surgeline.region;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.surgeline.platform.LastChange;

/** A travel time set by hand for one direction (a closed road, a checkpoint, a detour). */
@Entity
@Table(name = "travel_time_override")
@IdClass(TravelTimeOverride.Pair.class)
public class TravelTimeOverride extends PanacheEntityBase {

    /** The composite key: one direction between two counties. */
    public static class Pair implements Serializable {
        public String fromCounty;
        public String toCounty;

        protected Pair() {
        }

        public Pair(String fromCounty, String toCounty) {
            this.fromCounty = fromCounty;
            this.toCounty = toCounty;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && Objects.equals(fromCounty, p.fromCounty)
                    && Objects.equals(toCounty, p.toCounty);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fromCounty, toCounty);
        }
    }

    @Id
    @Column(name = "from_county")
    public String fromCounty;
    @Id
    @Column(name = "to_county")
    public String toCounty;
    public int minutes;
    @Embedded
    public LastChange lastChange = new LastChange();
}
