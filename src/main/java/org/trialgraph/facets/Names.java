package org.trialgraph.facets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.trialgraph.stats.StatsBucket;

/**
 * The values of one {@code trialStats} dimension as small ints, so that a trial's values are an int column and a
 * group (two values) one long. Id 0 is "(none)", the group of trials without a value, as in the Cypher path (a real
 * value spelt "(none)" shares it there too). Grows only; written under the index's write lock.
 */
final class Names {

    static final int NONE = 0;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    Names() {
        id(StatsBucket.NONE);
    }

    /** The value's id, added when new. */
    int id(String name) {
        Integer known = ids.get(name);
        if (known != null) {
            return known;
        }
        ids.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    String name(int id) {
        return names.get(id);
    }

    int size() {
        return names.size();
    }

    long estimatedBytes() {
        return names.size() * 96L;
    }
}
