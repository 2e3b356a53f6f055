package org.surgeline.planning.solver;

import java.util.Comparator;

/**
 * The order in which construction places parcels: higher priority first, then bigger parcels.
 * With stock short, critical demand then gets the depots before routine demand takes them.
 */
public class ParcelDifficulty implements Comparator<SupplyParcel> {

    private static final Comparator<SupplyParcel> ORDER = Comparator
            .comparingInt((SupplyParcel p) -> p.getDemand().weight())
            .thenComparingLong(SupplyParcel::getUnits)
            .thenComparing(SupplyParcel::getId);

    @Override
    public int compare(SupplyParcel a, SupplyParcel b) {
        return ORDER.compare(a, b);
    }
}
