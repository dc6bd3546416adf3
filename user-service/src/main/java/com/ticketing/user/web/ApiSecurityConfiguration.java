package com.ticketing.user.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * Everything that is not the authorization server or the login form: the public API the gateway forwards
 * ({@code /v1/api/**}), {@code /internal/**}, actuator, {@code /v3/api-docs}, {@code /ping}, {@code /error}. Identity
 * there comes only from the gateway's headers ({@code @CurrentUser}), as before; Spring Security only stays out
 * of the way: every request permitted, no CSRF, no request cache, and no session: not even read
 * ({@link SessionlessRequests}), so a SESSION cookie sent along costs no Redis call.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    /** Last: the chain without a matcher takes whatever the earlier chains did not. */
    static final int ORDER = 3;

    @Bean
    @Order(ORDER)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new SessionlessRequests(), DisableEncodeUrlFilter.class);
        return http.build();
    }
}
