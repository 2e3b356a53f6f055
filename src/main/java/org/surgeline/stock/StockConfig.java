package org.surgeline.stock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;

@ConfigMapping(prefix = "surgeline.stock")
public interface StockConfig {

    /** A lot expiring within this many days raises an EXPIRING alert. */
    @WithDefault("14")
    @Positive
    int expiryWarningDays();

    /** A county whose days of cover fall below this raises a PROJECTED_STOCKOUT alert (the planning horizon). */
    @WithDefault("7")
    @Positive
    int stockoutHorizonDays();

    /**
     * An adjustment of more units than this, asked for by anyone but an admin, waits for a second
     * person's approval.
     */
    @WithDefault("1000")
    @Positive
    long adjustmentApprovalThreshold();
}
