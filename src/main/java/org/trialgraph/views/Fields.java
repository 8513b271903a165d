package org.trialgraph.views;

/**
 * Provenance: the ClinicalTrials.gov API v2 field each statement is made from, written as the field's path in
 * the API's field tree (/studies/metadata), so list steps carry no index. Trials imported from legacy XML are
 * stored in the same vocabulary, so their statements name the same fields.
 */
final class Fields {

    static final String NCT_ID = "protocolSection.identificationModule.nctId";
    static final String BRIEF_TITLE = "protocolSection.identificationModule.briefTitle";
    static final String OVERALL_STATUS = "protocolSection.statusModule.overallStatus";
    static final String START_DATE = "protocolSection.statusModule.startDateStruct.date";
    static final String START_DATE_TYPE = "protocolSection.statusModule.startDateStruct.type";
    static final String LEAD_SPONSOR = "protocolSection.sponsorCollaboratorsModule.leadSponsor.name";
    static final String BRIEF_SUMMARY = "protocolSection.descriptionModule.briefSummary";
    static final String CONDITIONS = "protocolSection.conditionsModule.conditions";
    static final String STUDY_TYPE = "protocolSection.designModule.studyType";
    static final String PHASES = "protocolSection.designModule.phases";
    static final String ALLOCATION = "protocolSection.designModule.designInfo.allocation";
    static final String MASKING = "protocolSection.designModule.designInfo.maskingInfo.masking";
    static final String ENROLLMENT = "protocolSection.designModule.enrollmentInfo.count";
    static final String ENROLLMENT_TYPE = "protocolSection.designModule.enrollmentInfo.type";
    static final String ARM_TYPE = "protocolSection.armsInterventionsModule.armGroups.type";
    static final String INTERVENTION_TYPE = "protocolSection.armsInterventionsModule.interventions.type";
    static final String INTERVENTION_NAME = "protocolSection.armsInterventionsModule.interventions.name";
    static final String INTERVENTION_DESCRIPTION = "protocolSection.armsInterventionsModule.interventions.description";
    static final String ELIGIBILITY = "protocolSection.eligibilityModule.eligibilityCriteria";
    static final String HEALTHY_VOLUNTEERS = "protocolSection.eligibilityModule.healthyVolunteers";
    static final String SEX = "protocolSection.eligibilityModule.sex";
    static final String MINIMUM_AGE = "protocolSection.eligibilityModule.minimumAge";
    static final String MAXIMUM_AGE = "protocolSection.eligibilityModule.maximumAge";
    static final String LOCATIONS = "protocolSection.contactsLocationsModule.locations";
    static final String LOCATION_FACILITY = "protocolSection.contactsLocationsModule.locations.facility";
    static final String LOCATION_CITY = "protocolSection.contactsLocationsModule.locations.city";
    static final String LOCATION_COUNTRY = "protocolSection.contactsLocationsModule.locations.country";
    static final String LOCATION_STATUS = "protocolSection.contactsLocationsModule.locations.status";
    static final String LOCATION_GEO_POINT = "protocolSection.contactsLocationsModule.locations.geoPoint";

    private Fields() {
    }

    /** The outcome list of a kind (PRIMARY, SECONDARY, OTHER), e.g. protocolSection.outcomesModule.primaryOutcomes. */
    static String outcomes(String kind) {
        return "protocolSection.outcomesModule." + kind.toLowerCase(java.util.Locale.ROOT) + "Outcomes";
    }

    static String outcomeMeasure(String kind) {
        return outcomes(kind) + ".measure";
    }

    static String outcomeTimeFrame(String kind) {
        return outcomes(kind) + ".timeFrame";
    }
}
