package org.trialgraph.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.util.StringUtils;

/**
 * Reads are public; every mutation needs the operator token (TRIALGRAPH_ADMIN_TOKEN) and is guarded where it
 * is declared ({@code @PreAuthorize}), because all GraphQL operations share the one {@code /graphql} URL.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http,
            @Value("${trialgraph.security.admin-token:}") String adminToken) throws Exception {
        if (!StringUtils.hasText(adminToken)) {
            log.warn("No operator token configured (TRIALGRAPH_ADMIN_TOKEN): every mutation will be refused");
        }
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // A token API without cookies or sessions: CSRF protection has nothing to protect.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .addFilterBefore(new AdminTokenFilter(adminToken), AnonymousAuthenticationFilter.class)
                .build();
    }

    /**
     * No observation per security filter, authentication or authorization. Every request is already timed as a
     * whole ({@code http.server.requests}, {@code graphql.request}); the filter chain's own observations (a
     * counter looked up by tags before and after each of its dozen filters) cost about a tenth of a trial detail
     * request's CPU (docs/BENCHMARKS.md, "580k, session 10").
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
