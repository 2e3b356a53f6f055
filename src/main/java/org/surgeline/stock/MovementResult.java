package org.surgeline.stock;

import java.util.List;

/** What a request to the ledger did: the movements it appended, and the balances after them. */
public record MovementResult(List<MovementView> movements, List<BalanceView> balances) {
}
