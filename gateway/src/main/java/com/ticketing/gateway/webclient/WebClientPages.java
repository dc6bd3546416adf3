package com.ticketing.gateway.webclient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

import java.net.URI;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The browser client (issue 19): static files under {@code classpath:/static/app/} (plain ES modules and CSS, no
 * build), served by the gateway's own resource handler at {@code /app/**}. This class adds what a resource handler
 * does not: {@code /} and {@code /app} lead to {@code /app/}, {@code /app/} is the page itself, and every
 * {@code /app/**} answer carries a Content-Security-Policy that allows only this origin's scripts, styles and API
 * (the access token lives in the page: no inline script, no third-party code may run beside it).
 * The gateway's security chain already lets these paths through (only {@code /v1/api/**} needs a token).
 */
@Configuration(proxyBeanMethods = false)
class WebClientPages {

    static final String HOME = "/app/";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    RouterFunction<ServerResponse> webClientRoutes(@Value("classpath:/static/app/index.html") Resource page) {
        return route(GET("/").or(GET("/app")),
                request -> ServerResponse.status(HttpStatus.FOUND).location(URI.create(HOME)).build())
                .andRoute(GET(HOME), request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .bodyValue(page));
    }

    @Bean
    WebFilter webClientSecurityHeaders() {
        return (exchange, chain) -> {
            if (exchange.getRequest().getPath().value().startsWith(HOME)) {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.set("Referrer-Policy", "no-referrer");
            }
            return chain.filter(exchange);
        };
    }
}
