package org.trialgraph.criteria;

/**
 * Turns a criterion into text a patient can read. The default is {@link GlossaryPlainLanguageRenderer};
 * a hosted language model can be plugged in by implementing this interface.
 */
@FunctionalInterface
public interface PlainLanguageRenderer {

    /**
     * @param criterionText the criterion as written (escapes removed)
     * @param kind          the kind of the section it belongs to
     * @return plain-language text; null only from {@link #NONE}
     */
    String render(String criterionText, CriterionKind kind);

    /**
     * Renders nothing: for an engine whose readings are stored, as plain text is rendered when a criterion is read
     * (see {@code EligibilityView}), not kept beside its text. The engine gives "" as such a criterion's plain text.
     */
    PlainLanguageRenderer NONE = (criterionText, kind) -> null;
}
