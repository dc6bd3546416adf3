package com.ticketing.user.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing and the admin account's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountConfiguration.AdminProperties.class)
class AccountConfiguration {

    /**
     * Hashes as {@code {bcrypt}...} (cost 10) and checks any hash Spring Security knows by its {@code {id}} prefix,
     * e.g. the demo accounts' cost-4 bcrypt hash. No UserDetailsPasswordService is registered: a login never
     * rewrites a stored hash.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * @param username the admin's username ({@code ADMIN_USERNAME}, default {@code admin})
     * @param password the admin's password ({@code ADMIN_PASSWORD}; required: no default outside the local profile)
     */
    @ConfigurationProperties(prefix = "ticketing.auth.admin")
    record AdminProperties(String username, String password) {
    }
}
