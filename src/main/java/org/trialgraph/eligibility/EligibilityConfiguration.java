package org.trialgraph.eligibility;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.trialgraph.criteria.EligibilityEngine;

/**
 * The criteria engine as a bean: the importer runs it on every record, {@code parseEligibility} on any text.
 * It uses the shipped glossary; a hosted language model would plug in as another PlainLanguageRenderer here.
 */
@Configuration(proxyBeanMethods = false)
class EligibilityConfiguration {

    @Bean
    EligibilityEngine eligibilityEngine() {
        return new EligibilityEngine();
    }
}
