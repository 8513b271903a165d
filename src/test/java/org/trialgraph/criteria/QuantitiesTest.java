package org.trialgraph.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.trialgraph.criteria.Quantities.Quantity;

/** A patient's value in the unit criteria are stored in, by the extractor's own unit rules. */
class QuantitiesTest {

    @Test
    void hemoglobinInGramsPerLitreBecomesGramsPerDecilitre() {
        assertThat(Quantities.normalize(Concept.HEMOGLOBIN, 90, "g/L")).contains(new Quantity(9, "g/dL"));
        assertThat(Quantities.normalize(Concept.HEMOGLOBIN, 9.5, "g/dL")).contains(new Quantity(9.5, "g/dL"));
    }

    @Test
    void cellCountsPerMicrolitreBecomeBillionsPerLitre() {
        assertThat(Quantities.normalize(Concept.PLATELETS, 150000, "/µL")).contains(new Quantity(150, "10^9/L"));
        assertThat(Quantities.normalize(Concept.ANC, 1500, "cells/mm3")).contains(new Quantity(1.5, "10^9/L"));
        assertThat(Quantities.normalize(Concept.ALC, 0.5, "×10⁹/L")).contains(new Quantity(0.5, "10^9/L"));
        assertThat(Quantities.normalize(Concept.PLATELETS, 150000, null)).contains(new Quantity(150, "10^9/L"));
    }

    @Test
    void timesAreConvertedToTheConceptsUnit() {
        assertThat(Quantities.normalize(Concept.LIFE_EXPECTANCY, 12, "weeks")).contains(new Quantity(3, "months"));
        assertThat(Quantities.normalize(Concept.LIFE_EXPECTANCY, 1, "year")).contains(new Quantity(12, "months"));
    }

    @Test
    void creatinineInMicromolesBecomesMilligramsButNotMultiplesOfTheUpperLimit() {
        assertThat(Quantities.normalize(Concept.CREATININE, 133, "µmol/L")).contains(new Quantity(1.5, "mg/dL"));
        assertThat(Quantities.normalize(Concept.CREATININE, 1.2, "xULN")).contains(new Quantity(1.2, "xULN"));
    }

    @Test
    void scoresAndPercentagesStayAsTheyAre() {
        assertThat(Quantities.normalize(Concept.ECOG, 1, null)).contains(new Quantity(1, ""));
        assertThat(Quantities.normalize(Concept.KARNOFSKY, 80, "%")).contains(new Quantity(80, ""));
        assertThat(Quantities.normalize(Concept.LVEF, 55, "%")).contains(new Quantity(55, "%"));
    }

    @Test
    void refusesUnknownUnitsUnitsOfAnotherConceptAndImpossibleValues() {
        assertThat(Quantities.normalize(Concept.PLATELETS, 150, "furlongs")).isEmpty();
        assertThat(Quantities.normalize(Concept.LVEF, 55, "mg/dL")).isEmpty();
        assertThat(Quantities.normalize(Concept.LVEF, 55, "% and more")).isEmpty();
        assertThat(Quantities.normalize(Concept.ECOG, 7, null)).isEmpty();
        assertThat(Quantities.normalize(Concept.LVEF, -5, "%")).isEmpty();
        assertThat(Quantities.normalize(Concept.HIV, 1, null)).isEmpty();
    }
}
