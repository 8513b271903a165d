package org.trialgraph.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Counts the field selections of a document as if every fragment spread were written out, in time linear in
 * the document's size: each fragment is counted once and its count reused. Ten fragments that each spread
 * the next ten times select 10^10 fields; validation and the cost analysis would walk them all.
 */
final class ExpandedFieldCount {

    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Long> counted = new HashMap<>();
    private final Set<String> counting = new HashSet<>();
    private final long cap;

    private ExpandedFieldCount(Document document, long cap) {
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
        this.cap = cap;
    }

    /**
     * The number of fields every operation and every fragment definition selects (validation walks them all),
     * or {@code cap} when there are at least that many.
     */
    static long of(Document document, long cap) {
        ExpandedFieldCount count = new ExpandedFieldCount(document, cap);
        long total = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            total = count.add(total, count.selections(operation.getSelectionSet()));
        }
        for (FragmentDefinition fragment : count.fragments.values()) {
            total = count.add(total, count.fragment(fragment.getName()));
        }
        return total;
    }

    private long selections(SelectionSet selectionSet) {
        if (selectionSet == null) {
            return 0;
        }
        long total = 0;
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                total = add(total, add(1, selections(field.getSelectionSet())));
            } else if (selection instanceof InlineFragment inline) {
                total = add(total, selections(inline.getSelectionSet()));
            } else if (selection instanceof FragmentSpread spread) {
                total = add(total, fragment(spread.getName()));
            }
            if (total >= cap) {
                return cap;
            }
        }
        return total;
    }

    private long fragment(String name) {
        Long known = counted.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        // Unknown and cyclic spreads count nothing here: validation rejects them.
        if (definition == null || !counting.add(name)) {
            return 0;
        }
        long count = selections(definition.getSelectionSet());
        counting.remove(name);
        counted.put(name, count);
        return count;
    }

    private long add(long a, long b) {
        return Math.min(cap, a + b);
    }
}
