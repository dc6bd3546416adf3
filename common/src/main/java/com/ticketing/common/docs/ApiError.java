package com.ticketing.common.docs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An error answer an endpoint can give beyond the generic ones (400 on bad input, 500, 503): the HTTP status,
 * the {@code error.code} values it carries and when. Documentation only; published in the OpenAPI description
 * as a response whose body is the shared {@code ErrorBody}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ApiErrors.class)
public @interface ApiError {

    /** The HTTP status, e.g. 409. */
    int status();

    /** The {@code error.code} values of this status, e.g. {@code SEAT_UNAVAILABLE}. */
    String[] codes();

    /** When it happens, in a few words. */
    String when();
}
