package com.ticketing.user.login;

import com.ticketing.user.web.ErrorResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The login chain: Spring Security's form login at {@code /login} (its generated page, CSRF on), {@code /logout}
 * and the page's stylesheet. The session it creates lives in Redis (Spring Session), so the flow that starts at
 * {@code /oauth2/authorize} on one replica can log in on another.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginLimits.class)
class LoginSecurityConfiguration {

    /** The chain's order: after the authorization server's endpoints, before the stateless API chain. */
    static final int ORDER = 2;
    static final String USERNAME_PARAMETER = "username";
    static final String FAILURE_URL = "/login?error";

    @Bean
    @Order(ORDER)
    SecurityFilterChain loginSecurityFilterChain(HttpSecurity http, LoginAttempts attempts, LoginMetrics metrics,
                                                 LoginOutcomes outcomes, StringRedisTemplate redis,
                                                 ErrorResponses errors) throws Exception {
        http.securityMatcher("/login", "/logout", "/default-ui.css")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .formLogin(form -> form
                        .usernameParameter(USERNAME_PARAMETER)
                        // Spring's default handlers, wrapped to count the outcome; set here rather than through
                        // successHandler()/failureHandler() so that the generated page still shows ?error.
                        .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                            @Override
                            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationSuccessHandler(outcomes);
                                filter.setAuthenticationFailureHandler(outcomes);
                                return filter;
                            }
                        }))
                .addFilterBefore(new LoginStoreGuard(redis, errors, AnyRequestMatcher.INSTANCE), DisableEncodeUrlFilter.class)
                .addFilterBefore(new LoginAttemptFilter(attempts, metrics, errors), CsrfFilter.class);
        return http.build();
    }
}
