package com.ticketing.reservation.catalog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConcertClientProperties.class)
class ConcertCatalogConfig {

    /**
     * The client of concert-service only. It is load-balanced through Spring Cloud LoadBalancer's interceptor
     * added to this one client, NOT through a {@code @LoadBalanced RestClient.Builder} bean: such a bean would
     * replace Boot's shared builder, and the Eureka client builds its own transport from it, then tries to
     * resolve the Eureka server's host as a service id and never registers.
     */
    @Bean
    RestClient concertRestClient(ConcertClientProperties props,
                                 ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(props.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(props.readTimeout());
        RestClient.Builder builder = RestClient.builder().baseUrl(props.baseUrl()).requestFactory(requests);
        if (props.loadBalanced()) {
            DeferringLoadBalancerInterceptor interceptor = loadBalancer.getIfAvailable();
            if (interceptor == null) {
                throw new IllegalStateException("ticketing.clients.concert.load-balanced=true but Spring Cloud "
                        + "LoadBalancer is not configured");
            }
            builder.requestInterceptor(interceptor);
        }
        return builder.build();
    }
}
