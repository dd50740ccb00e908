package org.openmiles.program.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openmiles.program.api.ChangeState;

/** Where change requests and their steps are kept; the steps are only ever appended. */
public interface ChangeRequestRepository {

  /** A new request's number. */
  long nextId();

  /** Stores a new request with its steps. */
  void insert(ChangeRequest c, Instant now);

  /** The request, locked until the transaction ends (one decision at a time). */
  Optional<ChangeRequest> lock(long id);

  Optional<ChangeRequest> find(long id);

  /** Stores the request's state and the steps it took after its first {@code stored} ones. */
  void update(ChangeRequest c, int stored, Instant now);

  /**
   * Requests in {@code state} (every state if null): pending ones oldest first (the queue), others
   * newest first.
   */
  List<ChangeRequest> list(ChangeState state, int limit);
}
