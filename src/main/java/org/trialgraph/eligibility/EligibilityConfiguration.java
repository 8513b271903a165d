package org.trialgraph.eligibility;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.trialgraph.criteria.EligibilityEngine;
import org.trialgraph.criteria.PlainLanguageRenderer;

/**
 * The criteria engine as a bean: the importer runs it on every record, {@code parseEligibility} on any text. It
 * renders no plain text: that is rendered from a criterion's text when read ({@link EligibilityView.Criterion}, by
 * the shipped glossary), so the importer does not pay for it on every new criterion nor store a second copy of the
 * text. A hosted language model, too slow to run per read, would instead render here and be stored.
 */
@Configuration(proxyBeanMethods = false)
class EligibilityConfiguration {

    @Bean
    EligibilityEngine eligibilityEngine() {
        return new EligibilityEngine(PlainLanguageRenderer.NONE);
    }
}
