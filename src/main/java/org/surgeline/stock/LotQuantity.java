package org.surgeline.stock;

import java.time.LocalDate;

/** A quantity of one lot, with its expiry: what an issue, transfer or shipment takes or brings. */
public record LotQuantity(String lot, LocalDate expiresOn, long quantity) {
}
