package org.trialgraph.trial;

import java.util.List;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.paging.Connection;
import org.trialgraph.paging.Cursors;
import org.trialgraph.trial.TrialParts.Condition;
import org.trialgraph.trial.TrialParts.Country;
import org.trialgraph.trial.TrialParts.Intervention;
import org.trialgraph.trial.TrialParts.MeshTerm;
import org.trialgraph.trial.TrialParts.Site;
import org.trialgraph.trial.TrialParts.Sponsor;
import org.trialgraph.trial.TrialWhere.ConditionFilter;
import org.trialgraph.trial.TrialWhere.InterventionFilter;
import org.trialgraph.trial.TrialWhere.SponsorFilter;

/** The trials of a condition, MeSH term, sponsor, intervention or country: the trial list, filtered by it. */
@Controller
class CatalogTrialsController {

    private final TrialListRepository trials;

    CatalogTrialsController(TrialListRepository trials) {
        this.trials = trials;
    }

    @SchemaMapping(typeName = "Condition", field = "trials")
    Connection<Trial> conditionTrials(Condition condition, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return page(where().condition(new ConditionFilter(condition.key(), null, null)), first, after, env);
    }

    @SchemaMapping(typeName = "MeshTerm", field = "trials")
    Connection<Trial> meshTermTrials(MeshTerm term, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return page(where().mesh(term.id()), first, after, env);
    }

    @SchemaMapping(typeName = "Sponsor", field = "trials")
    Connection<Trial> sponsorTrials(Sponsor sponsor, @Argument Boolean leadOnly, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return page(where().sponsor(new SponsorFilter(sponsor.name(), null, leadOnly)), first, after, env);
    }

    @SchemaMapping(typeName = "Intervention", field = "trials")
    Connection<Trial> interventionTrials(Intervention intervention, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return page(where().intervention(new InterventionFilter(intervention.name(), intervention.type())), first, after,
                env);
    }

    @SchemaMapping(typeName = "Site", field = "trials")
    Connection<Trial> siteTrials(Site site, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return page(where().site(site.key()), first, after, env);
    }

    @SchemaMapping(typeName = "Country", field = "trials")
    Connection<Trial> countryTrials(Country country, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return page(where().country(country.name()), first, after, env);
    }

    /** Read as {@code trials} reads its page: the total and the node properties only when the selection asks. */
    private Connection<Trial> page(WhereBuilder where, Integer first, String after, DataFetchingEnvironment env) {
        return trials.page(where.build(), List.of(), Cursors.pageSize(first), after,
                SelectedFields.selects(env, "totalCount"), TrialPartsPrimer.propertiesRead(env, TrialPartsPrimer.CONNECTION_NODES));
    }

    private static WhereBuilder where() {
        return new WhereBuilder();
    }

    /** One-field filters, so each reverse link reads as what it filters by. */
    private static final class WhereBuilder {
        private ConditionFilter condition;
        private String mesh;
        private SponsorFilter sponsor;
        private InterventionFilter intervention;
        private String country;
        private String site;

        WhereBuilder condition(ConditionFilter value) {
            condition = value;
            return this;
        }

        WhereBuilder mesh(String value) {
            mesh = value;
            return this;
        }

        WhereBuilder sponsor(SponsorFilter value) {
            sponsor = value;
            return this;
        }

        WhereBuilder intervention(InterventionFilter value) {
            intervention = value;
            return this;
        }

        WhereBuilder country(String value) {
            country = value;
            return this;
        }

        WhereBuilder site(String value) {
            site = value;
            return this;
        }

        TrialWhere build() {
            return new TrialWhere(null, null, null, null, null, null, null, condition, mesh, null, intervention, null,
                    null, sponsor, country, site, null, null, null, null, null, null, null, null, null, null, null, null,
                    null);
        }
    }
}
