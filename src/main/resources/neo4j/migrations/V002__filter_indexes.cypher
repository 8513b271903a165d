// Range indexes on the fields trials are filtered and sorted by.
CREATE INDEX trial_overall_status IF NOT EXISTS FOR (t:Trial) ON (t.overallStatus);
CREATE INDEX trial_study_type IF NOT EXISTS FOR (t:Trial) ON (t.studyType);
CREATE INDEX trial_start_date IF NOT EXISTS FOR (t:Trial) ON (t.startDate);
CREATE INDEX trial_start_year IF NOT EXISTS FOR (t:Trial) ON (t.startYear);
CREATE INDEX trial_completion_date IF NOT EXISTS FOR (t:Trial) ON (t.completionDate);
CREATE INDEX trial_last_updated IF NOT EXISTS FOR (t:Trial) ON (t.lastUpdated);
CREATE INDEX trial_enrollment IF NOT EXISTS FOR (t:Trial) ON (t.enrollmentCount);
CREATE INDEX trial_sex IF NOT EXISTS FOR (t:Trial) ON (t.sex);
CREATE INDEX trial_has_results IF NOT EXISTS FOR (t:Trial) ON (t.hasResults);
CREATE INDEX trial_min_age IF NOT EXISTS FOR (t:Trial) ON (t.minimumAgeYears);
CREATE INDEX trial_max_age IF NOT EXISTS FOR (t:Trial) ON (t.maximumAgeYears);
CREATE INDEX sponsor_agency_class IF NOT EXISTS FOR (s:Sponsor) ON (s.agencyClass);
CREATE INDEX intervention_type IF NOT EXISTS FOR (i:Intervention) ON (i.type);
CREATE INDEX mesh_term_term IF NOT EXISTS FOR (m:MeshTerm) ON (m.term);
CREATE POINT INDEX site_location IF NOT EXISTS FOR (s:Site) ON (s.location);
