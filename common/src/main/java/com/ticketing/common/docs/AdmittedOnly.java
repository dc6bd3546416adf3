package com.ticketing.common.docs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public endpoint that the gateway routes only for an admitted queue token (its {@code Admission}
 * filter). The gateway enforces it; this marker documents it: the operation gets the queue-token security
 * requirement and the gateway's 401/403/503 answers in the published OpenAPI description.
 */
@Documented
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AdmittedOnly {
}
