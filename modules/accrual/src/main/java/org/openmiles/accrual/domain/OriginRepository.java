package org.openmiles.accrual.domain;

import java.util.List;

/** Reads the records behind ledger references, one statement per kind. */
public interface OriginRepository {
  /** The flown coupons with these tickets and coupon numbers (same positions). */
  List<RecordedOrigin> flights(List<String> tickets, List<Integer> coupons);

  /** The partner records with these partner codes and transaction ids (same positions). */
  List<RecordedOrigin> partnerRecords(List<String> partners, List<String> transactions);
}
