package com.ticketing.user.auth;

import com.ticketing.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser client (the gateway's {@code /app/}) may receive codes at the gateway's public address, whatever it is:
 * the default redirect URIs follow the issuer, so a stack on other ports needs no further setting.
 */
class WebClientRegistrationTest extends UserServiceIntegrationTest {

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    AuthProperties auth;

    @Test
    void shouldLetTheWebClientReturnToTheGatewaysPublicAddressAndTheDevAddresses() {
        RegisteredClient web = clients.findByClientId("ticketing-web");

        assertThat(web).isNotNull();
        assertThat(web.getRedirectUris()).contains(auth.issuer() + "/app/callback.html",
                auth.issuer() + "/swagger-ui/oauth2-redirect.html", "http://localhost:8080/app/callback.html");
        assertThat(web.getPostLogoutRedirectUris()).contains(auth.issuer() + "/app/", "http://localhost:8080/app/");
    }
}
