package org.surgeline.stock;

/** Kinds of ledger entries. RESERVE and RELEASE change what is held, not what is on hand. */
public enum MovementType {
    RECEIPT, ISSUE, TRANSFER_OUT, TRANSFER_IN, ADJUSTMENT, RESERVE, RELEASE
}
