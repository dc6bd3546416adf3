package com.ticketing.common.auth;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ErrorCodes;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves {@link CurrentUser} parameters ({@code long} or {@link Caller}) from the gateway's
 * {@link AuthHeaders#USER_ID} and {@link AuthHeaders#ROLES} headers.
 */
public class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentUser.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        long userId = userId(webRequest.getHeader(AuthHeaders.USER_ID));
        if (Caller.class.equals(parameter.getParameterType())) {
            return new Caller(userId, roles(webRequest.getHeader(AuthHeaders.ROLES)));
        }
        return userId;
    }

    static long userId(String raw) {
        if (raw != null) {
            try {
                long userId = Long.parseLong(raw.trim());
                if (userId > 0) {
                    return userId;
                }
            } catch (NumberFormatException ignored) {
                // fall through to 401
            }
        }
        throw new Refusal(Refusal.Kind.UNAUTHENTICATED, ErrorCodes.UNAUTHENTICATED, "log in first: a valid access token is required");
    }

    static Set<String> roles(String raw) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
