package com.ticketing.common.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a controller parameter to the caller the gateway verified: a {@code long} gets the user id
 * ({@link AuthHeaders#USER_ID}), a {@link Caller} the id and roles. A request without that header is answered
 * 401 {@code UNAUTHENTICATED}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrentUser {
}
