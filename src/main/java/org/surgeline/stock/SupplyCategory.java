package org.surgeline.stock;

public enum SupplyCategory {
    PPE, TEST_KIT, SWAB, DISINFECTANT, MEDICAL, OTHER
}
