package org.openmiles.program.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.program.api.ChangeState;
import org.openmiles.program.api.Simulation;

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

  /** Keeps {@code simulation} as the change's latest. */
  void keepSimulation(long id, Simulation simulation);

  /** The latest simulation of each of {@code ids} that has one. */
  Map<Long, Simulation> simulations(Collection<Long> ids);
}
