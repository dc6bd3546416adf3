package com.ticketing.reservation.catalog;

import com.ticketing.reservation.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Eureka client (and anything else) builds its HTTP clients from the context's shared
 * {@code RestClient.Builder}; load-balancing that one sends Eureka's own calls through the load balancer, and the
 * service never registers. Only the concert-service client may be load-balanced.
 */
class SharedHttpClientsTest extends IntegrationTest {

    @Autowired
    ObjectProvider<RestClient.Builder> sharedBuilder;

    @Test
    void shouldLeaveTheSharedRestClientBuilderWithoutTheLoadBalancer() {
        List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>();
        sharedBuilder.orderedStream().forEach(builder -> builder.requestInterceptors(interceptors::addAll));

        assertThat(interceptors).noneMatch(i -> i instanceof BlockingLoadBalancerInterceptor
                || i instanceof DeferringLoadBalancerInterceptor);
    }
}
