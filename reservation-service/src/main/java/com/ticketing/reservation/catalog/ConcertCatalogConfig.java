package com.ticketing.reservation.catalog;

import com.ticketing.reservation.config.InternalClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConcertClientProperties.class)
class ConcertCatalogConfig {

    /** The client of concert-service only (see {@link InternalClients} for why it is load-balanced this way). */
    @Bean
    RestClient concertRestClient(ConcertClientProperties props,
                                 ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer) {
        return InternalClients.restClient(props.baseUrl(), props.loadBalanced(), props.connectTimeout(),
                props.readTimeout(), loadBalancer);
    }
}
