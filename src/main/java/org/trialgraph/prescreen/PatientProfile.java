package org.trialgraph.prescreen;

import java.util.List;

/**
 * The GraphQL input {@code PatientProfile} as the client sent it. It is never stored or logged; {@link Patient}
 * is its checked form.
 */
public record PatientProfile(
        Double age,
        String birthDate,
        String sex,
        List<String> conditions,
        List<Measurement> measurements,
        List<Fact> facts,
        Near near) {

    /** A measured value: a concept code of the criteria engine (LVEF, PLATELETS, ...), the value and its unit. */
    public record Measurement(String concept, Double value, String unit) {
    }

    /** A yes/no fact about a presence concept (PREGNANCY, HIV, ...). */
    public record Fact(String concept, Boolean present) {
    }

    /** Where the patient is and how far they would travel; {@code radiusKm} is accepted as GeoRadius spells it. */
    public record Near(Double latitude, Double longitude, Double km, Double radiusKm) {
    }
}
