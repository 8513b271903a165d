package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

import org.trialgraph.criteria.EligibilityEngine;
import org.trialgraph.criteria.EligibilitySection;
import org.trialgraph.ingest.StudyRecord.Age;

/** The legacy XML mapper and reader on small hand-written records: translations, dates, rejections, archives. */
class LegacyXmlStudyMapperTest {

    private static final EligibilityEngine ENGINE = new EligibilityEngine();

    static final String STUDY = """
            <clinical_study>
              <required_header>
                <download_date>ClinicalTrials.gov processed this data on September 09, 2019</download_date>
              </required_header>
              <id_info>
                <org_study_id>ORG-1</org_study_id>
                <secondary_id>SEC-1</secondary_id>
                <nct_id>NCT00000001</nct_id>
              </id_info>
              <brief_title>A brief title</brief_title>
              <acronym>ABT</acronym>
              <sponsors>
                <lead_sponsor><agency>National Cancer Institute (NCI)</agency><agency_class>NIH</agency_class></lead_sponsor>
                <collaborator><agency>Some Company</agency><agency_class>Industry</agency_class></collaborator>
                <collaborator><agency>VA Office of Research and Development</agency><agency_class>U.S. Fed</agency_class></collaborator>
              </sponsors>
              <source>National Cancer Institute (NCI)</source>
              <brief_summary>
                <textblock>
                  RATIONALE: First line&#xD;
                  continued here.&#xD;
            &#xD;
                  Second paragraph.&#xD;
                </textblock>
              </brief_summary>
              <overall_status>%s</overall_status>
              <last_known_status>Active, not recruiting</last_known_status>
              <start_date type="Actual">January 2007</start_date>
              <completion_date type="Anticipated">January 15, 2010</completion_date>
              <phase>%s</phase>
              <study_type>Interventional</study_type>
              <study_design_info>
                <allocation>Non-Randomized</allocation>
                <intervention_model>Single Group Assignment</intervention_model>
                <primary_purpose>Supportive Care</primary_purpose>
                <masking>Double (Participant, Investigator)</masking>
              </study_design_info>
              <primary_outcome><measure>Response rate</measure><time_frame>6 years</time_frame></primary_outcome>
              <secondary_outcome><measure>Survival</measure></secondary_outcome>
              <enrollment type="Anticipated">40</enrollment>
              <condition>Lymphoma</condition>
              <arm_group><arm_group_label>Arm I</arm_group_label><arm_group_type>Active Comparator</arm_group_type></arm_group>
              <intervention>
                <intervention_type>Procedure/Surgery</intervention_type>
                <intervention_name>Stem cell transplantation</intervention_name>
                <arm_group_label>Arm I</arm_group_label>
                <other_name>SCT</other_name>
              </intervention>
              <eligibility>
                <criteria>
                  <textblock>
                    DISEASE CHARACTERISTICS:&#xD;
                    - Histologically confirmed lymphoma&#xD;
            &#xD;
                    PATIENT CHARACTERISTICS:&#xD;
                    - ECOG performance status 0-1&#xD;
                  </textblock>
                </criteria>
                <gender>Both</gender>
                <minimum_age>18 Years</minimum_age>
                <maximum_age>N/A</maximum_age>
                <healthy_volunteers>Accepts Healthy Volunteers</healthy_volunteers>
              </eligibility>
              <location>
                <facility>
                  <name>Mayo Clinic</name>
                  <address><city>Rochester</city><state>Minnesota</state><zip>55905</zip><country>United States</country></address>
                </facility>
                <status>Recruiting</status>
              </location>
              <keyword>lymphoma</keyword>
              <study_first_posted type="Estimate">June 22, 2007</study_first_posted>
              <last_update_posted type="Actual">March 3, 2017</last_update_posted>
              <condition_browse>
                <!-- CAUTION: imperfect algorithm -->
                <mesh_term>Lymphoma</mesh_term>
              </condition_browse>
              <clinical_results><participant_flow><recruitment_details>x</recruitment_details></participant_flow></clinical_results>
            </clinical_study>
            """;

    static String study(String status, String phase) {
        return STUDY.formatted(status, phase);
    }

    @Test
    void translatesEnumsDatesAndTextsOntoTheApiV2Vocabulary() {
        Read read = read("NCT00000001.xml", study("Unknown status", "Phase 1/Phase 2"));
        assertThat(read.rejected).isEmpty();
        StudyRecord s = read.single();
        assertThat(s.nctId()).isEqualTo("NCT00000001");
        assertThat(s.status().overallStatus()).isEqualTo("UNKNOWN");
        assertThat(s.status().lastKnownStatus()).isEqualTo("ACTIVE_NOT_RECRUITING");
        assertThat(s.design().phases()).containsExactly("PHASE1", "PHASE2");
        assertThat(s.design().studyType()).isEqualTo("INTERVENTIONAL");
        assertThat(s.design().allocation()).isEqualTo("NON_RANDOMIZED");
        assertThat(s.design().interventionModel()).isEqualTo("SINGLE_GROUP");
        assertThat(s.design().primaryPurpose()).isEqualTo("SUPPORTIVE_CARE");
        assertThat(s.design().masking()).isEqualTo("DOUBLE");
        assertThat(s.design().enrollmentCount()).isEqualTo(40);
        assertThat(s.design().enrollmentType()).isEqualTo("ESTIMATED");
        assertThat(s.status().startDate()).isEqualTo(new StudyRecord.PartialDate("2007-01", "ACTUAL"));
        assertThat(s.status().completionDate()).isEqualTo(new StudyRecord.PartialDate("2010-01-15", "ESTIMATED"));
        assertThat(s.status().firstPosted()).isEqualTo(new StudyRecord.PartialDate("2007-06-22", "ESTIMATED"));
        assertThat(s.status().lastUpdated()).isEqualTo(new StudyRecord.PartialDate("2017-03-03", "ACTUAL"));
        assertThat(s.leadSponsor()).isEqualTo(new StudyRecord.Sponsor("National Cancer Institute (NCI)", "NIH"));
        assertThat(s.collaborators()).extracting(StudyRecord.Sponsor::agencyClass).containsExactly("INDUSTRY", "FED");
        assertThat(s.identification().organization()).isEqualTo("National Cancer Institute (NCI)");
        assertThat(s.identification().secondaryIds()).containsExactly("SEC-1");
        assertThat(s.eligibility().sex()).isEqualTo("ALL");
        assertThat(s.eligibility().minimumAge()).isEqualTo(new Age("18 Years", 18.0));
        assertThat(s.eligibility().maximumAge()).isNull();
        assertThat(s.eligibility().healthyVolunteers()).isTrue();
        assertThat(s.eligibility().stdAges()).containsExactly("ADULT", "OLDER_ADULT");
        assertThat(s.briefSummary()).isEqualTo("RATIONALE: First line\ncontinued here.\n\nSecond paragraph.");
        assertThat(s.interventions()).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo("PROCEDURE");
            assertThat(i.otherNames()).containsExactly("SCT");
            assertThat(i.armGroupLabels()).containsExactly("Arm I");
        });
        assertThat(s.arms()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("ACTIVE_COMPARATOR");
            assertThat(a.interventionNames()).containsExactly("Procedure/Surgery: Stem cell transplantation");
        });
        assertThat(s.outcomes()).extracting(o -> o.kind() + "|" + o.measure() + "|" + o.timeFrame())
                .containsExactly("PRIMARY|Response rate|6 years", "SECONDARY|Survival|null");
        assertThat(s.locations()).singleElement().satisfies(l -> {
            assertThat(l.facility()).isEqualTo("Mayo Clinic");
            assertThat(l.status()).isEqualTo("RECRUITING");
            assertThat(l.zip()).isEqualTo("55905");
        });
        assertThat(s.conditionBrowse().meshes()).containsExactly(new StudyRecord.MeshRef(null, "Lymphoma"));
        assertThat(s.conditionBrowse().ancestorsListed()).isFalse();
        assertThat(s.hasResults()).isTrue();
        assertThat(s.provenance().format()).isEqualTo("ctgov-legacy-xml");
        assertThat(s.provenance().versionHolder()).isEqualTo("2019-09-09");
        assertThat(s.provenance().location()).isEqualTo("NCT00000001.xml");
    }

    @Test
    void runsOldStyleHeadingsThroughTheCriteriaEngine() {
        StudyRecord s = read("a.xml", study("Completed", "Phase 2")).single();
        assertThat(s.eligibility().criteriaText()).startsWith("DISEASE CHARACTERISTICS:\n- Histologically");
        assertThat(s.criteria().sections()).extracting(EligibilitySection::heading)
                .containsExactly("DISEASE CHARACTERISTICS", "PATIENT CHARACTERISTICS");
        assertThat(s.criteria().allCriteria()).hasSize(2);
    }

    @Test
    void translatesEveryStatusAndPhaseOfTheFormat() {
        List<String> statuses = List.of("Active, not recruiting", "Completed", "Enrolling by invitation",
                "Not yet recruiting", "Recruiting", "Suspended", "Terminated", "Withdrawn", "Available",
                "No longer available", "Temporarily not available", "Approved for marketing", "Withheld",
                "Unknown status");
        for (String status : statuses) {
            assertThat(ApiV2StudyMapper.STATUSES).contains(read("s.xml", study(status, "N/A")).single().status()
                    .overallStatus());
        }
        assertThat(read("s.xml", study("Completed", "N/A")).single().design().phases()).containsExactly("NA");
        assertThat(read("s.xml", study("Completed", "Early Phase 1")).single().design().phases())
                .containsExactly("EARLY_PHASE1");
        assertThat(read("s.xml", study("Completed", "Phase 2/Phase 3")).single().design().phases())
                .containsExactly("PHASE2", "PHASE3");
    }

    @Test
    void rejectsAnUnknownValueNamingTheElementAndKeepsReading() {
        String twoStudies = "<search_results>" + study("Completed", "Phase 9").replace("<?xml", "")
                + study("Completed", "Phase 2").replace("NCT00000001", "NCT00000002") + "</search_results>";
        Read read = read("two.xml", twoStudies);
        assertThat(read.accepted).extracting(StudyRecord::nctId).containsExactly("NCT00000002");
        assertThat(read.rejected).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("two.xml#[0]");
            assertThat(r.nctId()).isEqualTo("NCT00000001");
            assertThat(r.reason()).startsWith("clinical_study/phase: unknown value \"Phase 9\"");
        });
    }

    @Test
    void namesTheElementOfABadDateOrSponsorClass() {
        assertThat(read("d.xml", study("Completed", "Phase 2").replace("January 2007", "Janvier 2007")).rejected)
                .singleElement().extracting(Rejection::reason).asString()
                .startsWith("clinical_study/start_date: not a date: \"Janvier 2007\"");
        assertThat(read("c.xml", study("Completed", "Phase 2").replace("U.S. Fed", "Federal")).rejected)
                .singleElement().extracting(Rejection::reason).asString()
                .startsWith("clinical_study/sponsors/collaborator[2]/agency_class: unknown value \"Federal\"");
        assertThat(read("t.xml", study("Completed", "Phase 2").replace("type=\"Actual\">January", "type=\"Maybe\">January"))
                .rejected).singleElement().extracting(Rejection::reason).asString()
                .startsWith("clinical_study/start_date/@type: unknown value \"Maybe\"");
    }

    @Test
    void endsAMalformedFileWithAClearRejection() {
        Read read = read("broken.xml", "<clinical_study><id_info><nct_id>NCT00000003</nct_id></id_info><brief_title>x");
        assertThat(read.accepted).isEmpty();
        assertThat(read.rejected).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("broken.xml");
            assertThat(r.reason()).startsWith("malformed XML at line 1").endsWith("rest of file skipped");
        });
    }

    @Test
    void loadsNoExternalEntity() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE clinical_study [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                """ + study("Completed", "Phase 2").replace("A brief title", "&secret;");
        Read read = read("xxe.xml", xxe);
        assertThat(read.accepted).allSatisfy(s -> assertThat(s.identification().briefTitle()).doesNotContain("root:"));
        assertThat(read.accepted.size() + read.rejected.size()).isEqualTo(1);
    }

    @Test
    void tellsXmlFromJsonByContentNotByName() {
        assertThat(read("really-xml.json", "\uFEFF\n  " + study("Completed", "Phase 2")).single().provenance().format())
                .isEqualTo("ctgov-legacy-xml");
    }

    @Test
    void readsTarGzAndZipArchivesMemberByMember() throws IOException {
        ByteArrayOutputStream targz = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(targz))) {
            addTar(tar, "dir/NCT00000001.xml", study("Completed", "Phase 2"));
            addTar(tar, "dir/README.txt", "not a study");
            addTar(tar, "dir/NCT00000002.xml", study("Completed", "Phase 9").replace("NCT00000001", "NCT00000002"));
        }
        Read fromTar = read("set.tar.gz", targz.toByteArray());
        assertThat(fromTar.accepted).extracting(s -> s.provenance().location())
                .containsExactly("set.tar.gz!dir/NCT00000001.xml");
        assertThat(fromTar.rejected).singleElement().extracting(Rejection::toString).asString()
                .startsWith("set.tar.gz!dir/NCT00000002.xml (NCT00000002): clinical_study/phase: unknown value");

        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("NCT00000001.xml"));
            zip.write(study("Completed", "Phase 2").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(read("set.zip", zipped.toByteArray()).single().provenance().location())
                .isEqualTo("set.zip!NCT00000001.xml");
    }

    @Test
    void comparesItsLastUpdateWithApiV2DatesAsOneTimeline() {
        StudyRecord xml = read("a.xml", study("Completed", "Phase 2")).single();
        // last_update_posted "March 3, 2017", snapshot 2019-09-09
        assertThat(Versions.isNewer(xml, new StudyRecord.PartialDate("2017-03-02", "ACTUAL"), "2026-02-04")).isTrue();
        assertThat(Versions.isNewer(xml, new StudyRecord.PartialDate("2017-03-04", "ACTUAL"), "2010-01-01")).isFalse();
        assertThat(Versions.isNewer(xml, new StudyRecord.PartialDate("2017-03-03", "ACTUAL"), "2019-09-08")).isTrue();
        assertThat(Versions.isNewer(xml, new StudyRecord.PartialDate("2017-03-03", "ACTUAL"), "2024-09-24")).isFalse();
    }

    @Test
    void hashesContentSoThatTheSameRecordHashesAlike() {
        String a = read("a.xml", study("Completed", "Phase 2")).single().provenance().contentHash();
        String b = read("b.xml", study("Completed", "Phase 2")).single().provenance().contentHash();
        String c = read("c.xml", study("Completed", "Phase 3")).single().provenance().contentHash();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    private static void addTar(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    static Read read(String name, String text) {
        return read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Read read(String name, byte[] bytes) {
        Read read = new Read();
        try {
            new StudyReader(read, ENGINE).readStream(name, name, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return read;
    }

    static final class Read implements StudyReader.Sink {
        final List<StudyRecord> accepted = new ArrayList<>();
        final List<Rejection> rejected = new ArrayList<>();

        @Override
        public void accept(StudyRecord study) {
            accepted.add(study);
        }

        @Override
        public void reject(Rejection rejection) {
            rejected.add(rejection);
        }

        StudyRecord single() {
            assertThat(rejected).isEmpty();
            assertThat(accepted).hasSize(1);
            return accepted.get(0);
        }
    }
}
