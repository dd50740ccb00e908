package org.openmiles.common.tx;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a transactional service whose calls are whole units of work, safe to run again from the
 * start: when such a call is the outermost one (no transaction is active when it starts) and
 * PostgreSQL aborts its transaction with a deadlock (40P01) or a serialization failure (40001), it
 * is run again, a few times, after a short random pause ({@link RetriedTransactionInterceptor}).
 * Calls nested in another transaction are never retried: the outer unit is.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetriedTransaction {}
