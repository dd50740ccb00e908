package org.openmiles.cashmiles.web;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation of the booking-engine API run once per client and Idempotency-Key by {@link
 * IdempotencyInterceptor}: a retry with the same key and request gets the first answer again.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {
  String HEADER = org.openmiles.common.idempotency.IdempotencyKeys.HEADER;

  /** The operation: the first part of the request's fingerprint. */
  @Nonbinding
  String value() default "";

  /** Whether a request without a key is refused; if not, it simply runs. */
  @Nonbinding
  boolean keyRequired() default true;

  /**
   * The {@code Location} of a 201 answer, relative to the resource, with one variable named after
   * the answer's numeric field that fills it ({@code payments/{paymentId}}); empty for none.
   * Derived from the stored body, so a replay carries it too.
   */
  @Nonbinding
  String location() default "";

  /**
   * A parameter of the operation that identifies the request: the fingerprint is the operation and
   * these parts, in parameter order.
   */
  interface Fingerprinted {
    /** Its part of the fingerprint; may refuse the request (before any key is claimed). */
    String fingerprint();
  }
}
