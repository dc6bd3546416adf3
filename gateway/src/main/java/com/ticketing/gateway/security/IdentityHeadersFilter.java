package com.ticketing.gateway.security;

import com.ticketing.common.auth.AuthHeaders;
import com.ticketing.common.auth.QueueToken;
import com.ticketing.gateway.admission.AdmissionGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The only identity a service sees is the one the gateway verified. On every route, as the very last step before
 * the request leaves (so that no route or default filter can drop or replace the headers):
 * <ul>
 *   <li>any client copy of {@code X-User-Id}, {@code X-User-Roles}, {@code X-Queue-Token-Id} and
 *       {@code X-Queue-Room} is removed;</li>
 *   <li>with a verified access token, {@code X-User-Id} (its {@code sub}) and {@code X-User-Roles} are set;</li>
 *   <li>on an admitted route, {@code X-Queue-Token-Id} and {@code X-Queue-Room} are set from the waiting-room token
 *       {@code Admission} verified, and found admitted in its room, for that same user. A service trusts
 *       {@code X-Queue-Room} as the room the caller was admitted to ({@code @Admitted RoomAdmission}).</li>
 * </ul>
 */
@Component
public class IdentityHeadersFilter implements GlobalFilter, Ordered {

    /** After every route filter and the load-balancer lookup, before the Netty/forward routing filters. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return Identity.of(exchange)
                .map(identity -> withIdentity(exchange, identity))
                .switchIfEmpty(Mono.fromSupplier(() -> withoutIdentity(exchange)))
                .flatMap(chain::filter);
    }

    private static ServerWebExchange withIdentity(ServerWebExchange exchange, Identity identity) {
        QueueToken admitted = exchange.getAttribute(AdmissionGatewayFilterFactory.ADMITTED_TOKEN_ATTR);
        return exchange.mutate().request(r -> r.headers(h -> {
            strip(h);
            h.set(AuthHeaders.USER_ID, identity.userId());
            h.set(AuthHeaders.ROLES, identity.roles());
            if (admitted != null) {
                h.set(AuthHeaders.TOKEN_ID, admitted.tokenId());
                h.set(AuthHeaders.QUEUE_ROOM, Long.toString(admitted.roomId()));
            }
        })).build();
    }

    /** Without a verified identity the request goes on with no identity header at all. */
    private static ServerWebExchange withoutIdentity(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (!headers.containsHeader(AuthHeaders.USER_ID) && !headers.containsHeader(AuthHeaders.ROLES)
                && !headers.containsHeader(AuthHeaders.TOKEN_ID) && !headers.containsHeader(AuthHeaders.QUEUE_ROOM)) {
            return exchange;
        }
        return exchange.mutate().request(r -> r.headers(IdentityHeadersFilter::strip)).build();
    }

    private static void strip(HttpHeaders h) {
        h.remove(AuthHeaders.USER_ID);
        h.remove(AuthHeaders.ROLES);
        h.remove(AuthHeaders.TOKEN_ID);
        h.remove(AuthHeaders.QUEUE_ROOM);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
