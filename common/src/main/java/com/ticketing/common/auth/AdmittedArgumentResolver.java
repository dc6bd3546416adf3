package com.ticketing.common.auth;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ErrorCodes;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link Admitted} {@link RoomAdmission} parameters from the gateway's {@link AuthHeaders#QUEUE_ROOM}. */
public class AdmittedArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(Admitted.class)
                && RoomAdmission.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return admission(webRequest.getHeader(AuthHeaders.QUEUE_ROOM));
    }

    static RoomAdmission admission(String raw) {
        if (raw != null && !raw.isEmpty() && raw.length() <= 16 && raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long roomId = Long.parseLong(raw);
            if (roomId > 0) {
                return new RoomAdmission(roomId);
            }
        }
        throw new Refusal(Refusal.Kind.FORBIDDEN, ErrorCodes.QUEUE_NOT_ADMITTED,
                "not admitted: wait in the schedule's waiting room until your token's status is PROGRESS");
    }
}
