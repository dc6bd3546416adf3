package com.ticketing.common.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@link RoomAdmission} controller parameter to the waiting room the gateway admitted the caller to
 * ({@link AuthHeaders#QUEUE_ROOM}). A request without it did not pass the gateway's admission check and is answered
 * 403 {@code QUEUE_NOT_ADMITTED}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Admitted {
}
