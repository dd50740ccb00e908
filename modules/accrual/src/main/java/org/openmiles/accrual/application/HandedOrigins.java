package org.openmiles.accrual.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openmiles.accrual.domain.RecordedOrigin;

/**
 * The origins of the activities a crediting chunk is about to post, kept with the transaction: the
 * chunk holds every one of them already, so {@link DefaultActivityOrigins} answers a module keeping
 * facts from here instead of reading back the rows the chunk has just written (a lookup per chunk
 * on the bulk paths). What is not handed over (a claim, a reversal, another transaction) is read as
 * before; both give the same origin ({@link RecordedOrigin#of}).
 */
@ApplicationScoped
public class HandedOrigins {
  private static final Object KEY = HandedOrigins.class.getName();

  @Resource TransactionSynchronizationRegistry registry;

  /** Keeps {@code origins} until the current transaction ends; nothing outside a transaction. */
  void hand(Collection<RecordedOrigin> origins) {
    if (origins.isEmpty() || registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
      return;
    }
    Map<String, RecordedOrigin> kept = kept();
    if (kept == null) {
      kept = new HashMap<>();
      registry.putResource(KEY, kept);
    }
    for (RecordedOrigin o : origins) {
      kept.put(o.reference(), o);
    }
  }

  /** The origins handed over in the current transaction, by reference (empty outside one). */
  Map<String, RecordedOrigin> handed() {
    if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
      return Map.of();
    }
    Map<String, RecordedOrigin> kept = kept();
    return kept == null ? Map.of() : kept;
  }

  @SuppressWarnings("unchecked")
  private Map<String, RecordedOrigin> kept() {
    return (Map<String, RecordedOrigin>) registry.getResource(KEY);
  }
}
