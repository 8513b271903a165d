package org.trialgraph.prescreen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import org.trialgraph.paging.Cursors;
import org.trialgraph.trial.Trial;
import org.trialgraph.trial.TrialWhere;

/**
 * The pre-screen: finds the candidate trials, holds each against the profile and ranks them. The profile lives
 * only for the request: nothing is written and nothing of it is logged.
 */
@Service
class PreScreenService {

    private final PreScreenRepository repository;
    private final PreScreenProperties properties;
    private final Clock clock;

    @Autowired
    PreScreenService(PreScreenRepository repository, PreScreenProperties properties) {
        this(repository, properties, Clock.systemDefaultZone());
    }

    PreScreenService(PreScreenRepository repository, PreScreenProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    List<TrialScreening> preScreen(PatientProfile profile, TrialWhere where, Integer first) {
        int size = Cursors.pageSize(first);
        Patient patient = Patient.of(profile, LocalDate.now(clock));
        ConditionMatch conditions = ConditionMatch.of(profile.conditions());
        TrialWhere scope = withNear(where, near(profile.near()));
        // Ranked on the criteria that carry constraints (the others are UNKNOWN whatever they say); only the page's
        // trials are screened again on their criteria in full, which gives the same verdicts and counts.
        List<TrialCriteria> candidates = repository.candidates(scope, conditions, properties.maxCandidates());
        List<PreScreening.Screened> ranked = PreScreening.rank(candidates.stream()
                .map(trial -> PreScreening.screen(patient, trial)).toList());
        List<String> page = ranked.subList(0, Math.min(size, ranked.size())).stream()
                .map(PreScreening.Screened::nctId).toList();
        Map<String, TrialCriteria> byId = new HashMap<>();
        candidates.forEach(c -> byId.put(c.nctId(), c));
        Map<String, List<TrialCriteria.Stated>> criteria = repository.criteria(page);
        Map<String, Trial> trials = repository.trials(page);
        return page.stream().map(nctId -> {
            TrialCriteria limits = byId.get(nctId);
            PreScreening.Screened s = PreScreening.screen(patient, new TrialCriteria(nctId, limits.minimumAge(),
                    limits.maximumAge(), limits.sex(), criteria.getOrDefault(nctId, List.of())));
            return new TrialScreening(trials.get(nctId), s.verdict(), s.unknowns(), s.fails(), s.criteria());
        }).toList();
    }

    private static TrialWhere.GeoRadius near(PatientProfile.Near near) {
        if (near == null) {
            return null;
        }
        if (near.latitude() == null || near.longitude() == null
                || Math.abs(near.latitude()) > 90 || Math.abs(near.longitude()) > 180) {
            throw new IllegalArgumentException("patient.near needs latitude (-90..90) and longitude (-180..180)");
        }
        if ((near.km() == null) == (near.radiusKm() == null)) {
            throw new IllegalArgumentException("patient.near needs km (or radiusKm, not both)");
        }
        double km = near.km() != null ? near.km() : near.radiusKm();
        if (!(km > 0) || km > 20_040) {
            throw new IllegalArgumentException("patient.near.km must be between 0 and 20040 (half the earth's circumference)");
        }
        return new TrialWhere.GeoRadius(near.latitude(), near.longitude(), km, null);
    }

    /** The client's filter, and a site within the radius when one is given. */
    private static TrialWhere withNear(TrialWhere where, TrialWhere.GeoRadius near) {
        if (near == null) {
            return where;
        }
        return new TrialWhere(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, near, null, null, null, null, null, null, null, null, null, where == null ? null : List.of(where),
                null, null);
    }
}
