package org.trialgraph.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.trialgraph.criteria.Concept;
import org.trialgraph.eligibility.EligibilityView.Constraint;
import org.trialgraph.eligibility.EligibilityView.Item;
import org.trialgraph.eligibility.EligibilityView.Section;
import org.trialgraph.trial.Trial;
import org.trialgraph.views.PatientView.PlainStatement;
import org.trialgraph.views.ScreeningTests.Test;
import org.trialgraph.views.TrialFacts.Intervention;
import org.trialgraph.views.TrialFacts.Outcome;

/**
 * Questions for the doctor and the trial coordinator, drawn from the trial: its phase and design, what it tests
 * (CAR-T and other cell therapies get their own), its status and sites, how long outcomes are followed, and the
 * tests its criteria need. Each question names the record fields it was drawn from. Deterministic.
 */
final class Questions {

    private static final Pattern CAR_T = Pattern.compile("(?i)\\bCAR[- ]?T\\b|chimeric antigen receptor|\\bCAR[- ]?NK\\b");
    private static final Pattern CELLS = Pattern.compile(
            "(?i)\\bcells?\\b|\\bcell therapy\\b|\\bTILs?\\b|\\bstem[- ]cell");
    private static final Pattern COLLECTION = Pattern.compile(
            "(?i)\\b(?:leuk|lymph)?apheresis\\b|\\b(?:lymphocyte|cell|T[- ]cell|blood cell|stem cell) collection\\b"
                    + "|\\bcollect(?:ion|ed|ing)? (?:of )?(?:your |the patient's |autologous )?(?:lymphocytes|T[- ]cells|blood cells|cells)\\b");
    private static final Pattern LYMPHODEPLETION = Pattern.compile("(?i)\\blympho[- ]?deplet\\w*|\\bconditioning (?:chemotherapy|regimen)\\b");
    private static final Set<String> CELL_TYPES = Set.of("BIOLOGICAL", "GENETIC");
    /** Constraint concepts a doctor can read off recent results. */
    private static final Set<Concept> NOT_RESULTS = Set.of(Concept.AGE, Concept.SEX, Concept.LIFE_EXPECTANCY,
            Concept.GESTATIONAL_AGE);
    private static final int MAX_LIMITS = 6;
    /** Longer measures are sentences of their own; a question names only short ones. */
    private static final int MAX_QUOTED_MEASURE = 60;

    private final TrialFacts facts;
    private final Trial trial;
    private final List<Section> sections;

    Questions(TrialFacts facts, List<Section> sections) {
        this.facts = facts;
        this.trial = facts.trial();
        this.sections = sections;
    }

    List<PlainStatement> forDoctor() {
        List<PlainStatement> questions = new ArrayList<>();
        questions.add(fit());
        questions.add(phase());
        questions.add(risks());
        design().ifPresent(questions::add);
        limits().ifPresent(questions::add);
        questions.add(alternatives());
        return questions;
    }

    List<PlainStatement> forCoordinator() {
        List<PlainStatement> questions = new ArrayList<>();
        questions.add(visits());
        cellCollection().ifPresent(questions::add);
        questions.add(screening());
        questions.add(sites());
        questions.add(timing());
        questions.add(costs());
        children().ifPresent(questions::add);
        questions.add(leaving());
        return questions;
    }

    // --- doctor ---

    private PlainStatement fit() {
        if (facts.conditions().isEmpty()) {
            return PlainStatement.of("Based on my diagnosis and history, is this trial (" + trial.briefTitle()
                    + ") worth exploring for me, or is there a standard treatment we should try first?", Fields.BRIEF_TITLE);
        }
        return PlainStatement.of("Based on my diagnosis and history, is this trial for " + conditions()
                + " worth exploring for me, or is there a standard treatment we should try first?", Fields.CONDITIONS);
    }

    private PlainStatement phase() {
        String what = interventionNames().isEmpty() ? "the treatment" : interventionNames();
        List<String> phases = trial.phases();
        if (phases.contains("EARLY_PHASE1")) {
            return PlainStatement.of("This is an early phase 1 trial, among the first studies of " + what + " in people"
                    + participantsClause() + ": what is known about its safety so far, and what is not known yet?",
                    Fields.PHASES, Fields.INTERVENTION_NAME, Fields.ENROLLMENT);
        }
        if (phases.contains("PHASE1")) {
            return PlainStatement.of("This is a phase 1 trial" + (phases.contains("PHASE2") ? " (phase 1/2)" : "")
                    + ", which mainly tests the safety and dose of " + what
                    + ": how likely is it to help me, and what is known from earlier studies?",
                    Fields.PHASES, Fields.INTERVENTION_NAME);
        }
        if (phases.contains("PHASE2")) {
            return PlainStatement.of("This is a phase 2 trial, which tests whether " + what
                    + " works: what results from earlier studies make it worth trying for me?",
                    Fields.PHASES, Fields.INTERVENTION_NAME);
        }
        if (phases.contains("PHASE3")) {
            return PlainStatement.of("This is a phase 3 trial, which compares " + what
                    + " with standard treatment: how does the standard treatment compare with what I would get outside the trial?",
                    Fields.PHASES, Fields.INTERVENTION_NAME);
        }
        if (phases.contains("PHASE4")) {
            return PlainStatement.of("This is a phase 4 trial of " + what
                    + ", a treatment already approved: what would taking part add to getting it in my normal care?",
                    Fields.PHASES, Fields.INTERVENTION_NAME);
        }
        if ("OBSERVATIONAL".equals(trial.studyType())) {
            return PlainStatement.of("This is an observational study that gives no treatment: what would be observed or"
                    + " collected from me, and would taking part change my care?", Fields.STUDY_TYPE, Fields.PHASES);
        }
        return PlainStatement.of("This study has no phase (phases apply to drug trials): what is already known about "
                + what + ", and how much evidence is there that it helps?", Fields.PHASES, Fields.STUDY_TYPE,
                Fields.INTERVENTION_NAME);
    }

    private PlainStatement risks() {
        Optional<Intervention> carT = carT();
        if (carT.isPresent()) {
            return PlainStatement.of("This trial gives CAR-T cell therapy (" + carT.get().name() + "): what are the risks of"
                    + " side effects such as cytokine release syndrome (high fever, low blood pressure) and effects on"
                    + " the brain and nerves, and how would they be watched for and treated?",
                    Fields.INTERVENTION_TYPE, Fields.INTERVENTION_NAME);
        }
        Optional<Intervention> cells = cellTherapy();
        if (cells.isPresent()) {
            return PlainStatement.of("This trial gives a cell therapy (" + cells.get().name() + "): what are its known and"
                    + " possible side effects, and how would they be watched for and treated?",
                    Fields.INTERVENTION_TYPE, Fields.INTERVENTION_NAME);
        }
        if (facts.interventions().isEmpty()) {
            return PlainStatement.of("What are the risks of taking part in this " + studyKind()
                    + ", and how would my health be monitored?", Fields.STUDY_TYPE);
        }
        return PlainStatement.of("What are the known and possible side effects of " + interventionNames()
                + ", and how would they be monitored?", Fields.INTERVENTION_NAME, Fields.INTERVENTION_TYPE);
    }

    private Optional<PlainStatement> design() {
        String masking = trial.design().masking();
        boolean blinded = masking != null && !"NONE".equals(masking);
        if (!"RANDOMIZED".equals(trial.design().allocation())) {
            return blinded ? Optional.of(PlainStatement.of("The study is blinded, so I may not know what I receive: what"
                    + " happens if I have a side effect and my doctors need to know?", Fields.MASKING)) : Optional.empty();
        }
        boolean placebo = facts.armTypes().contains("PLACEBO_COMPARATOR");
        List<String> sources = new ArrayList<>(List.of(Fields.ALLOCATION));
        StringBuilder q = new StringBuilder("Participants are put into groups by chance (randomised)");
        if (placebo) {
            q.append(" and one group gets a placebo (a dummy treatment)");
            sources.add(Fields.ARM_TYPE);
        }
        if (blinded) {
            q.append(", and the study is blinded so I may not know my group");
            sources.add(Fields.MASKING);
        }
        q.append(": what would I receive in each group, and can I get the study treatment later?");
        return Optional.of(new PlainStatement(q.toString(), sources));
    }

    /** The measured limits the trial sets, as the doctor could check them against recent results. */
    private Optional<PlainStatement> limits() {
        Map<String, String> limits = new LinkedHashMap<>();
        for (Section section : sections) {
            if ("EXCLUSION".equals(section.kind())) {
                continue;
            }
            for (Item item : section.criteria()) {
                for (Constraint c : item.criterion().constraints()) {
                    Concept concept = Concept.valueOf(c.concept());
                    if (!NOT_RESULTS.contains(concept) && !concept.isPresence() && c.value() != null) {
                        limits.putIfAbsent(c.key(), limit(concept, c));
                    }
                }
            }
        }
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        List<String> shown = limits.values().stream().distinct().limit(MAX_LIMITS).toList();
        return Optional.of(PlainStatement.of("Do my recent results meet the trial's limits — " + PlainWords.list(shown)
                + " — or would they need to be measured again?", Fields.ELIGIBILITY));
    }

    private PlainStatement alternatives() {
        if (facts.conditions().isEmpty()) {
            return PlainStatement.of("If this trial isn't the right fit, what other options or trials would you suggest?",
                    Fields.BRIEF_TITLE);
        }
        return PlainStatement.of("If this trial isn't the right fit, what other options or trials for " + conditions()
                + " would you suggest?", Fields.CONDITIONS);
    }

    // --- coordinator ---

    private PlainStatement visits() {
        Outcome longest = null;
        double longestDays = -1;
        List<Double> timePoints = new ArrayList<>();
        for (Outcome o : facts.outcomes()) {
            OptionalDouble days = TimeFrames.longestDays(o.timeFrame());
            if (days.isPresent()) {
                if (!timePoints.contains(days.getAsDouble())) {
                    timePoints.add(days.getAsDouble());
                }
                if (days.getAsDouble() > longestDays) {
                    longestDays = days.getAsDouble();
                    longest = o;
                }
            }
        }
        if (longest == null) {
            if (facts.outcomes().isEmpty()) {
                return PlainStatement.of("How long would I be in the " + studyKind() + ", and how many visits would that take?",
                        Fields.STUDY_TYPE);
            }
            return PlainStatement.of("How long would I be followed after treatment, and how many visits would that take?",
                    Fields.outcomeTimeFrame(facts.outcomes().get(0).kind()));
        }
        String when = timePoints.size() > 1 ? " at " + timePoints.size() + " different times, the last" : "";
        String measure = longest.measure().length() <= MAX_QUOTED_MEASURE ? " (" + longest.measure() + ")" : "";
        String text = "The trial measures its results" + when + " \"" + longest.timeFrame() + "\"" + measure
                + ": how many visits does that mean, how long does each take, and can any be done closer to home?";
        return measure.isEmpty() ? PlainStatement.of(text, Fields.outcomeTimeFrame(longest.kind()))
                : PlainStatement.of(text, Fields.outcomeTimeFrame(longest.kind()), Fields.outcomeMeasure(longest.kind()));
    }

    private Optional<PlainStatement> cellCollection() {
        Optional<Intervention> carT = carT();
        Optional<Intervention> cells = carT.isPresent() ? carT : cellTherapy();
        List<String> sources = new ArrayList<>();
        String wording = collectionWording(sources);
        if (cells.isEmpty() && wording == null) {
            return Optional.empty();
        }
        StringBuilder q = new StringBuilder();
        if (cells.isPresent()) {
            sources.add(Fields.INTERVENTION_TYPE);
            sources.add(Fields.INTERVENTION_NAME);
            q.append(carT.isPresent() ? "CAR-T cells are made from your own blood cells" : "This cell therapy ("
                    + cells.get().name() + ") needs cells to be collected first");
            q.append(wording == null ? "" : " (the record mentions \"" + wording + "\")");
            q.append(": how is the cell collection done, how long does it take, how long until the cells are ready,"
                    + " and how long would I stay in or near the hospital after the infusion?");
        } else {
            q.append("The trial involves \"").append(wording).append("\": how is the cell collection done, how long"
                    + " does it take, and what happens to my usual treatment meanwhile?");
        }
        if (lymphodepletionMentioned(sources)) {
            q.append(" Will I need chemotherapy before the infusion (lymphodepletion)?");
        }
        return Optional.of(new PlainStatement(q.toString(), sources));
    }

    private PlainStatement screening() {
        Map<Test, Set<String>> tests = new LinkedHashMap<>();
        for (Section section : sections) {
            for (Item item : section.criteria()) {
                ScreeningTests.merge(tests, ScreeningTests.of(item));
            }
        }
        if (tests.isEmpty()) {
            return PlainStatement.of("What happens during screening, who pays for any tests it needs, and what happens if"
                    + " the study team finds I don't meet the criteria?", Fields.ELIGIBILITY);
        }
        return PlainStatement.of("Screening for this trial needs " + PlainWords.list(ScreeningTests.describe(tests))
                + ": can results I already have be used, who pays for these tests — the study, my insurance or me —"
                + " and what happens if one shows I cannot take part?", Fields.ELIGIBILITY);
    }

    private PlainStatement sites() {
        int count = facts.siteCount();
        if (count == 0) {
            return PlainStatement.of("The record lists no study sites yet: where would I be treated, and how often would I"
                    + " need to travel there?", Fields.LOCATIONS);
        }
        if (count == 1 && facts.firstSite() != null) {
            TrialFacts.Site site = facts.firstSite();
            String place = String.join(", ", java.util.stream.Stream.of(site.city(), site.country())
                    .filter(java.util.Objects::nonNull).toList());
            return PlainStatement.of("The trial runs at one site" + (site.facility() == null ? "" : ", " + site.facility())
                    + (place.isEmpty() ? "" : " in " + place)
                    + ": how often would I need to travel there, and is help with travel or a place to stay available?",
                    Fields.LOCATIONS, Fields.LOCATION_FACILITY, Fields.LOCATION_CITY);
        }
        String countries = facts.countryCount() > 1 ? " in " + facts.countryCount() + " countries" : "";
        return PlainStatement.of("The trial runs at " + count + " sites" + countries
                + ": which one is nearest to me, is it taking participants, and can all my visits happen there?",
                Fields.LOCATIONS, Fields.LOCATION_COUNTRY);
    }

    private PlainStatement timing() {
        String status = trial.overallStatus();
        if ("NOT_YET_RECRUITING".equals(status)) {
            String start = trial.startDate() == null ? "" : " and is expected to start on " + trial.startDate();
            return PlainStatement.of("The trial is not yet recruiting" + start
                    + ": can I be contacted when it opens, and how soon after that could I begin?",
                    Fields.OVERALL_STATUS, Fields.START_DATE);
        }
        if ("RECRUITING".equals(status)) {
            return PlainStatement.of("The trial is recruiting: how soon could I start, and how long does screening take?",
                    Fields.OVERALL_STATUS);
        }
        if ("ENROLLING_BY_INVITATION".equals(status)) {
            return PlainStatement.of("The trial enrols by invitation only: how are participants chosen and invited?",
                    Fields.OVERALL_STATUS);
        }
        return PlainStatement.of("The trial's status is \"" + PlainWords.shortStatus(status).toLowerCase(Locale.ROOT)
                + "\", so it is not taking participants: are there results, or similar trials that are recruiting?",
                Fields.OVERALL_STATUS);
    }

    private PlainStatement costs() {
        if (facts.interventions().isEmpty()) {
            return PlainStatement.of("What costs does the study cover, and what might I pay myself, including travel,"
                    + " parking or time off work?", Fields.STUDY_TYPE);
        }
        return PlainStatement.of("Does the study pay for " + interventionNames() + " and the visits, and what might I pay"
                + " myself, including travel, parking or time off work?", Fields.INTERVENTION_NAME);
    }

    private Optional<PlainStatement> children() {
        Trial.AgeLimit max = trial.maximumAge();
        if (max == null || max.years() == null || max.years() > 18) {
            return Optional.empty();
        }
        return Optional.of(PlainStatement.of("The trial takes participants up to " + PlainWords.age(max) + ": how is it"
                + " explained to children, and what must a parent or guardian agree to and be present for?",
                Fields.MAXIMUM_AGE));
    }

    private PlainStatement leaving() {
        if (facts.conditions().isEmpty()) {
            return PlainStatement.of("Can I leave the " + studyKind() + " at any point, and what would happen to my care if I do?",
                    Fields.STUDY_TYPE);
        }
        return PlainStatement.of("Can I leave the " + studyKind() + " at any point, and what would happen to my care for "
                + conditions() + " if I do?", Fields.STUDY_TYPE, Fields.CONDITIONS);
    }

    // --- what the trial tests ---

    private Optional<Intervention> carT() {
        return facts.interventions().stream()
                .filter(i -> CELL_TYPES.contains(i.type()) && CAR_T.matcher(described(i)).find())
                .findFirst();
    }

    private Optional<Intervention> cellTherapy() {
        return facts.interventions().stream()
                .filter(i -> CELL_TYPES.contains(i.type()) && CELLS.matcher(i.name() + " " + String.join(" ", i.otherNames())).find())
                .findFirst();
    }

    /** The record's own words for collecting cells, from the summary, the criteria or an intervention's description. */
    private String collectionWording(List<String> sources) {
        Matcher m;
        if (trial.briefSummary() != null && (m = COLLECTION.matcher(trial.briefSummary())).find()) {
            sources.add(Fields.BRIEF_SUMMARY);
            return m.group();
        }
        if (trial.eligibilityCriteria() != null && (m = COLLECTION.matcher(trial.eligibilityCriteria())).find()) {
            sources.add(Fields.ELIGIBILITY);
            return m.group();
        }
        for (Intervention i : facts.interventions()) {
            if (i.description() != null && (m = COLLECTION.matcher(i.description())).find()) {
                sources.add(Fields.INTERVENTION_DESCRIPTION);
                return m.group();
            }
        }
        return null;
    }

    private boolean lymphodepletionMentioned(List<String> sources) {
        if (trial.briefSummary() != null && LYMPHODEPLETION.matcher(trial.briefSummary()).find()) {
            sources.add(Fields.BRIEF_SUMMARY);
            return true;
        }
        for (Intervention i : facts.interventions()) {
            if (i.description() != null && LYMPHODEPLETION.matcher(i.description()).find()) {
                sources.add(Fields.INTERVENTION_DESCRIPTION);
                return true;
            }
        }
        return false;
    }

    private static String described(Intervention i) {
        return i.name() + " " + String.join(" ", i.otherNames()) + " " + (i.description() == null ? "" : i.description());
    }

    private String interventionNames() {
        List<String> names = facts.interventions().stream().map(Intervention::name).distinct().toList();
        if (names.size() > 3) {
            return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
        }
        return PlainWords.list(names);
    }

    private String conditions() {
        List<String> names = facts.conditions();
        return names.size() > 3 ? PlainWords.list(names.subList(0, 3)) : PlainWords.list(names);
    }

    private String participantsClause() {
        Trial.Enrollment e = trial.enrollment();
        return e == null || e.count() == null ? "" : ", with " + e.count() + " participants";
    }

    private String studyKind() {
        return "OBSERVATIONAL".equals(trial.studyType()) ? "study" : "trial";
    }

    /** "LVEF at least 45 %", "creatinine at most 1.5 times the upper limit of normal". */
    static String limit(Concept concept, Constraint c) {
        String comparator = switch (c.comparator()) {
            case "GE" -> "at least ";
            case "GT" -> "above ";
            case "LE" -> "at most ";
            case "LT" -> "below ";
            case "EQ" -> "";
            case "BETWEEN" -> "between ";
            default -> c.comparator().toLowerCase(Locale.ROOT) + " ";
        };
        String value = number(c.value()) + ("BETWEEN".equals(c.comparator()) && c.upperValue() != null
                ? " and " + number(c.upperValue()) : "");
        return concept.displayName() + " " + comparator + value + unit(c.unit());
    }

    private static String unit(String unit) {
        if (unit == null || unit.isEmpty()) {
            return "";
        }
        return switch (unit) {
            case "xULN" -> " times the upper limit of normal";
            case "10^9/L" -> " billion per litre";
            case "%" -> "%";
            default -> " " + unit;
        };
    }

    private static String number(Double value) {
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }
}
