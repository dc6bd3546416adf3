package com.ticketing.reservation.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The clients of other services' internal endpoints: JDK HTTP client with connect and read timeouts, load-balanced
 * through Spring Cloud LoadBalancer's interceptor added to that one client, NOT through a
 * {@code @LoadBalanced RestClient.Builder} bean: such a bean would replace Boot's shared builder, and the Eureka
 * client builds its own transport from it, then tries to resolve the Eureka server's host as a service id and
 * never registers.
 */
public final class InternalClients {

    private InternalClients() {
    }

    public static RestClient restClient(String baseUrl, boolean loadBalanced, Duration connectTimeout, Duration readTimeout,
                                        ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        RestClient.Builder builder = RestClient.builder().baseUrl(baseUrl).requestFactory(requests);
        if (loadBalanced) {
            DeferringLoadBalancerInterceptor interceptor = loadBalancer.getIfAvailable();
            if (interceptor == null) {
                throw new IllegalStateException("a load-balanced client of " + baseUrl + " needs Spring Cloud "
                        + "LoadBalancer, which is not configured");
            }
            builder.requestInterceptor(interceptor);
        }
        return builder.build();
    }
}
