package org.trialgraph.related;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.paging.Cursors;
import org.trialgraph.trial.Trial;
import org.trialgraph.trial.TrialWhere;

/** Answers {@code relatedTrials}: scored and explained. */
@Controller
class RelatedTrialsController {

    private final RelatedTrialsFinder finder;

    RelatedTrialsController(RelatedTrialsFinder finder) {
        this.finder = finder;
    }

    @QueryMapping
    List<RelatedTrial> relatedTrials(@Argument String nctId, @Argument List<Relatedness> by, @Argument TrialWhere where,
            @Argument Integer first, DataFetchingEnvironment env) {
        List<Relatedness> kinds = by == null || by.isEmpty() ? Arrays.asList(Relatedness.values()) : by;
        Set<String> trialFields = new HashSet<>();
        return finder.find(nctId, kinds, where, first == null ? 10 : Cursors.pageSize(first),
                trialFields(env, trialFields) ? trialFields : null);
    }

    /**
     * Collects the fields asked of {@code trial}; false when one is not a short field (then the whole trial is read).
     * Read from the query's syntax tree: the selection-set API builds the whole normalized operation on every
     * request. Fields under {@code @skip} or {@code @include} count as asked.
     */
    static boolean trialFields(DataFetchingEnvironment env, Set<String> fields) {
        return env.getMergedField().getFields().stream()
                .allMatch(f -> shortOnly(f.getSelectionSet(), env.getFragmentsByName(), false, fields));
    }

    private static boolean shortOnly(SelectionSet set, Map<String, FragmentDefinition> fragments, boolean inTrial,
            Set<String> fields) {
        if (set == null) {
            return true;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (!shortOnly(selection, fragments, inTrial, fields)) {
                return false;
            }
        }
        return true;
    }

    private static boolean shortOnly(Selection<?> selection, Map<String, FragmentDefinition> fragments,
            boolean inTrial, Set<String> fields) {
        if (selection instanceof Field field) {
            if (inTrial) {
                fields.add(field.getName());
                return Trial.SHORT_FIELDS.contains(field.getName());
            }
            return !field.getName().equals("trial") || shortOnly(field.getSelectionSet(), fragments, true, fields);
        }
        if (selection instanceof InlineFragment inline) {
            return shortOnly(inline.getSelectionSet(), fragments, inTrial, fields);
        }
        if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
            return shortOnly(fragments.get(spread.getName()).getSelectionSet(), fragments, inTrial, fields);
        }
        return false;
    }
}
