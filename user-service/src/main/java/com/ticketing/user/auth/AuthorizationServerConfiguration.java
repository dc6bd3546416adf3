package com.ticketing.user.auth;

import com.ticketing.user.account.AccountRegistry;
import com.ticketing.user.login.LoginStoreGuard;
import com.ticketing.user.web.ErrorResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Clock;
import java.util.Set;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * user-service as the OAuth 2.1 / OpenID Connect provider (Spring Authorization Server) at its default paths:
 * {@code /oauth2/authorize}, {@code /oauth2/token}, {@code /oauth2/revoke}, {@code /oauth2/jwks},
 * {@code /.well-known/openid-configuration}, {@code /.well-known/oauth-authorization-server}, {@code /userinfo},
 * {@code /connect/logout}. Authorizations (codes, tokens) are stored in MariaDB, so they survive restarts and
 * work on every replica ({@link ExpiredAuthorizations} removes them once expired); the clients are the suite's
 * own public clients ({@link RegisteredClients}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuthorizationServerConfiguration {

    /** The chain's order: first; it matches only the authorization server's paths. */
    static final int ORDER = 1;

    private final AuthProperties properties;

    AuthorizationServerConfiguration(AuthProperties properties) {
        this.properties = properties;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository() {
        return RegisteredClients.from(properties);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbcTemplate, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbcTemplate, clients);
    }

    /** See {@link NoSessionRegistry}: login sessions are Spring Session's, in Redis. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new NoSessionRegistry();
    }

    /** Access and ID tokens: JWTs signed with the configured key ({@code kid} in the header); refresh tokens that rotate. */
    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(SigningKeys keys, AccountRegistry accounts) {
        JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys.signingKey()));
        jwts.setJwtCustomizer(new TokenClaims(accounts, properties.audience()));
        return new DelegatingOAuth2TokenGenerator(jwts, new RotatingRefreshTokenGenerator(Clock.systemUTC()));
    }

    @Bean
    @Order(ORDER)
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, RegisteredClientRepository clients,
                                                               AuthorizationServerSettings settings,
                                                               StringRedisTemplate redis, ErrorResponses errors) throws Exception {
        RequestMatcher usesLoginSession = new OrRequestMatcher(path(settings.getAuthorizationEndpoint()),
                path(settings.getOidcLogoutEndpoint()));
        http.securityMatcher(new OrRequestMatcher(path("/oauth2/**"), path("/.well-known/**"), path("/userinfo"), path("/connect/**")))
                .oauth2AuthorizationServer(server -> server
                        .authorizationServerMetadataEndpoint(metadata -> metadata
                                .authorizationServerMetadataCustomizer(DiscoveryMetadata::forPublicClients))
                        .oidc(oidc -> oidc.providerConfigurationEndpoint(configuration -> configuration
                                .providerConfigurationCustomizer(DiscoveryMetadata::forPublicClients)))
                        .clientAuthentication(client -> client
                                .authenticationConverter(new PublicClientAuthentication.Converter(settings))
                                .authenticationProvider(new PublicClientAuthentication.Provider(clients))))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // /userinfo takes the access token
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()))
                // a browser that is not logged in goes to the login form, and comes back after it
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), htmlRequests()))
                .addFilterBefore(new LoginStoreGuard(redis, errors, usesLoginSession), DisableEncodeUrlFilter.class);
        return http.build();
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher htmlRequests() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }
}
