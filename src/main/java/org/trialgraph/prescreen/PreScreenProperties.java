package org.trialgraph.prescreen;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of a pre-screen.
 *
 * @param maxCandidates most trials one pre-screen evaluates (open trials and newest first); the rest are not looked at
 */
@ConfigurationProperties("trialgraph.prescreen")
public record PreScreenProperties(@DefaultValue("500") int maxCandidates) {

    public PreScreenProperties {
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("trialgraph.prescreen.max-candidates must be positive, was " + maxCandidates);
        }
    }
}
