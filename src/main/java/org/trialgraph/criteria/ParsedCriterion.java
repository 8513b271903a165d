package org.trialgraph.criteria;

import java.util.List;

/**
 * One criterion of a section.
 *
 * @param position    1-based position within its section
 * @param text        the criterion as written (sub-bullets joined in, Markdown escapes removed)
 * @param key         canonical key shared by identical criteria of different trials, see {@link CriterionKeys}
 * @param plainText   patient-facing rendering; "" from an engine with {@link PlainLanguageRenderer#NONE}
 * @param constraints structured constraints read from the text, as stated
 */
public record ParsedCriterion(int position, String text, String key, String plainText, List<Constraint> constraints) {

    public ParsedCriterion {
        constraints = List.copyOf(constraints);
    }
}
