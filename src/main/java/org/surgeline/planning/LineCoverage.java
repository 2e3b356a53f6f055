package org.surgeline.planning;

/** What a plan covers of one line (and, once published, what it recorded there). */
record LineCoverage(long requestId, long lineId, int lineNo, long quantity) {

    LineCoverage withQuantity(long quantity) {
        return new LineCoverage(requestId, lineId, lineNo, quantity);
    }
}
