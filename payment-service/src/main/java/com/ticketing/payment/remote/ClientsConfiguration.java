package com.ticketing.payment.remote;

import com.ticketing.common.remote.RemoteClient;
import com.ticketing.common.remote.RemoteClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clients of user-service and reservation-service ({@code ticketing.clients.user} / {@code .reservation},
 * built by common's {@link RemoteClients}): each behind its own circuit breaker, bulkhead and retry, all named
 * after the service ({@code resilience4j.*.instances.<service>} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

    /** The clients' names under {@code ticketing.clients}. */
    static final String USERS = "user";
    static final String RESERVATIONS = "reservation";

    @Bean
    UserAccounts userAccounts(RemoteClients clients, JsonMapper json) {
        RemoteClient users = clients.client(USERS);
        return new UserAccounts(users.http(), users.calls(), json);
    }

    @Bean
    Reservations reservations(RemoteClients clients, JsonMapper json) {
        RemoteClient reservations = clients.client(RESERVATIONS);
        return new Reservations(reservations.http(), reservations.calls(), json);
    }
}
