package com.ticketing.gateway.admission;

import com.ticketing.common.auth.AuthHeaders;
import com.ticketing.common.auth.QueueToken;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes the identity headers onto the forwarded request as the very last step before routing, so that no
 * route or default filter running after {@code Admission} (such as a {@code RemoveRequestHeader} default
 * filter, which the gateway interleaves with route filters by position) can drop or replace them:
 * <ul>
 *   <li>admitted by {@link AdmissionGatewayFilterFactory}: {@code X-User-Id} and {@code X-Queue-Token-Id} are
 *       set from the verified token, replacing any client-supplied value;</li>
 *   <li>otherwise any client-supplied copy is removed: only the gateway asserts an identity.</li>
 * </ul>
 */
@Component
public class AdmittedIdentityHeadersFilter implements GlobalFilter, Ordered {

    /** After every route filter and the load-balancer lookup, before the Netty/forward routing filters. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        QueueToken token = exchange.getAttribute(AdmissionGatewayFilterFactory.ADMITTED_TOKEN_ATTR);
        HttpHeaders incoming = exchange.getRequest().getHeaders();
        if (token == null && !incoming.containsHeader(AuthHeaders.USER_ID)
                && !incoming.containsHeader(AuthHeaders.TOKEN_ID)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(r -> r.headers(h -> {
            h.remove(AuthHeaders.USER_ID);
            h.remove(AuthHeaders.TOKEN_ID);
            if (token != null) {
                h.set(AuthHeaders.USER_ID, Long.toString(token.userId()));
                h.set(AuthHeaders.TOKEN_ID, token.tokenId());
            }
        })).build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
