package org.openmiles.console.domain;

import java.util.List;

/** The append-only record of what console users did. */
public interface AuditLog {

  void append(AuditEntry entry);

  /** Newest first, keyset-paged by id. */
  List<AuditEntry> find(AuditQuery query);
}
