package com.ticketing.reservation.catalog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConcertClientProperties.class)
class ConcertCatalogConfig {

    /** Spring Cloud adds its load-balancer interceptor to this builder (service ids as host names). */
    @Bean
    @LoadBalanced
    RestClient.Builder loadBalancedRestClientBuilder() {
        return RestClient.builder();
    }

    @Bean
    RestClient concertRestClient(RestClient.Builder loadBalancedRestClientBuilder, ConcertClientProperties props) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(props.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(props.readTimeout());
        RestClient.Builder builder = props.loadBalanced() ? loadBalancedRestClientBuilder.clone() : RestClient.builder();
        return builder.baseUrl(props.baseUrl()).requestFactory(requests).build();
    }
}
