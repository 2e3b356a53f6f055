package org.surgeline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a spreadsheet would run as a formula is written as text; anything else is left as it is. */
class CsvCellsTest {

    @Test
    void cellsThatStartLikeAFormulaGetALeadingApostrophe() {
        for (String formula : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertThat(CsvCells.text(formula)).as(formula).isEqualTo("'" + formula);
        }
    }

    @Test
    void otherCellsNumbersAndNothingAreLeftAsTheyAre() {
        assertThat(CsvCells.text("L-2024 = lot")).isEqualTo("L-2024 = lot");
        assertThat(CsvCells.text(-4L)).isEqualTo("-4");
        assertThat(CsvCells.text("")).isEmpty();
        assertThat(CsvCells.text(null)).isEmpty();
    }
}
