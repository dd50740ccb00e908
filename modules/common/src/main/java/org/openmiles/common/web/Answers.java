package org.openmiles.common.web;

import jakarta.ws.rs.core.Response;

/** Success answers that several resources give the same way. */
public final class Answers {
  private Answers() {}

  /**
   * The answer of an idempotent create: {@code 201} with {@code entity}, or {@code 200} when it
   * replays an earlier call (the entity then says {@code replayed}), so that nothing changed.
   */
  public static Response createdOrReplayed(boolean replayed, Object entity) {
    return Response.status(replayed ? 200 : 201).entity(entity).build();
  }
}
