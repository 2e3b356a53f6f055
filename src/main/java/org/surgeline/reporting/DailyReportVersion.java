package org.surgeline.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/** One submission of a daily report: what was said, the figures at that moment, who and when. */
@Entity
@Immutable
@Table(name = "daily_report_version")
public class DailyReportVersion extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "report_id")
        public long reportId;
        public int version;

        protected Key() {
        }

        Key(long reportId, int version) {
            this.reportId = reportId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && reportId == k.reportId && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, version);
        }
    }

    @EmbeddedId
    public Key id;
    public String narrative;
    @Column(name = "zero_report")
    public boolean zeroReport;
    public boolean late;
    /** {@link ReportFigures} as JSON. */
    public String figures;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_by_name")
    public String submittedByName;
}
