package org.surgeline.stock;

/** Why stock on hand is corrected; the reason fixes the direction of the correction. */
public enum AdjustmentReason {
    /** A count found more than the ledger says. */
    COUNT_SURPLUS(1),
    /** A count found less than the ledger says. */
    COUNT_SHORTAGE(-1),
    DAMAGE(-1),
    EXPIRY(-1),
    /** Lost on the way (a shipment written off). */
    LOST(-1);

    private final int sign;

    AdjustmentReason(int sign) {
        this.sign = sign;
    }

    public boolean increases() {
        return sign > 0;
    }
}
