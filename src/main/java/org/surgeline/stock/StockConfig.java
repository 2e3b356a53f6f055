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

    /**
     * Stock must last this many days beyond a request's need-by date to serve it: the planner does
     * not count stock expiring earlier, and dispatch takes lots that last that long first.
     */
    @WithDefault("7")
    @jakarta.validation.constraints.PositiveOrZero
    int expiryMarginDays();

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
