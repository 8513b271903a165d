package org.trialgraph.graphiql;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * Access rules for the self-hosted GraphiQL ({@code /graphiql} and its static assets under {@code /graphiql/**}).
 */
@Configuration(proxyBeanMethods = false)
class GraphiQlConfiguration {

    static final String ENABLED = "trialgraph.graphiql.enabled";

    /**
     * The page and its scripts are public: the operator authenticates the GraphQL requests themselves by putting
     * {@code Authorization: Bearer ...} into GraphiQL's headers editor. Ignoring these paths (rather than adding a
     * SecurityFilterChain) leaves whichever chains the application defines, or Boot's default one, untouched.
     */
    @Bean
    @ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
    WebSecurityCustomizer graphiQlIsPublic() {
        return web -> web.ignoring().requestMatchers("/graphiql", "/graphiql/**");
    }

    /** Static resources are served regardless of the controller, so switching GraphiQL off must hide them too. */
    @Bean
    @ConditionalOnProperty(name = ENABLED, havingValue = "false")
    FilterRegistrationBean<?> graphiQlIsHidden() {
        var registration = new FilterRegistrationBean<>((request, response, chain) ->
                ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND));
        registration.addUrlPatterns("/graphiql", "/graphiql/*");
        return registration;
    }
}
