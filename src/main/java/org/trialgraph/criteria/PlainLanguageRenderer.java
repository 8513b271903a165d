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
     * @return plain-language text, never null
     */
    String render(String criterionText, CriterionKind kind);
}
