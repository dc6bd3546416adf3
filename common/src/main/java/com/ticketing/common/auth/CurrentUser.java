package com.ticketing.common.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@code long} controller parameter to the user id the gateway took from the verified token
 * ({@link AuthHeaders#USER_ID}). A request without it is answered 401 {@code UNAUTHENTICATED}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrentUser {
}
