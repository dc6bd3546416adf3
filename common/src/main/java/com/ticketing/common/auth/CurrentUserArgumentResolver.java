package com.ticketing.common.auth;

import com.ticketing.common.web.ApiException;
import com.ticketing.common.web.ErrorCodes;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link CurrentUser} parameters from the gateway's {@link AuthHeaders#USER_ID} header. */
public class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentUser.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        String raw = webRequest.getHeader(AuthHeaders.USER_ID);
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
        throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "a valid queue token is required");
    }
}
