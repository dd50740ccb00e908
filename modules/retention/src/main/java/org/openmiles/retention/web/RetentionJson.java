package org.openmiles.retention.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.idempotency.IdempotencyStore.Answer;
import org.openmiles.common.web.Problems;

/**
 * The JSON of answers that are stored under an Idempotency-Key: written once to text, so a replay
 * sends exactly what the first answer sent.
 */
final class RetentionJson {
  /** Built once: a Jsonb is thread-safe and costly to build. */
  private static final Jsonb JSONB = JsonbBuilder.create();

  private RetentionJson() {}

  static Answer answer(int status, Object entity) {
    return new Answer(status, JSONB.toJson(entity));
  }

  static Answer refusal(OpenMilesException e, String path) {
    Response r = Problems.refusal(e, "/" + path);
    return new Answer(r.getStatus(), (String) r.getEntity());
  }

  static Response reply(Answer a) {
    return replyBuilder(a).build();
  }

  /** The answer's status and body, as JSON or as a problem; to add headers to. */
  static Response.ResponseBuilder replyBuilder(Answer a) {
    return Response.status(a.status())
        .type(a.status() >= 400 ? Problems.PROBLEM_JSON : MediaType.APPLICATION_JSON_TYPE)
        .entity(a.body());
  }
}
