package org.openmiles.retention.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Supplier;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.idempotency.IdempotencyStore.Answer;
import org.openmiles.common.web.JsonRecords;
import org.openmiles.retention.api.RunInProgressException;
import org.openmiles.retention.application.RetentionRequests;

/**
 * Starting a background run, scoring or campaigns (docs/api.md): {@code 202 Accepted} with the run
 * as claimed (state RUNNING) and its Location. While another run of the kind goes, the service's
 * {@link RunInProgressException} is the answer (409 naming {@code runningRun}).
 *
 * <p>With an Idempotency-Key (optional; per caller, {@link RetentionRequests}) the first answer is
 * stored when the run is claimed, and a repeat with the same key and request gets it again with the
 * same Location: the same run as it was claimed, never a second one. The same key with another
 * request is 422 IDEMPOTENCY_KEY_REUSED. A 409 for a run in progress is not kept under the key: it
 * tells that the cluster was busy, not what became of the request, so the same key later starts the
 * run. Any other refusal (a bad asOf) is kept, as for the module's other keyed calls. The claim
 * commits in a transaction of its own before the answer does: should the server stop between the
 * two, the key has no answer and a repeat is a start without one (409 while that run goes).
 */
@ApplicationScoped
public class RunStarts {
  @Inject RetentionRequests requests;

  /**
   * @param caller the token's subject: whose key it is
   * @param key the Idempotency-Key header; null or empty: none, every start claims a run
   * @param request the operation and its parameters, as sent: what a repeat must match
   * @param runs the path of the runs, such as {@code /api/v1/retention/runs}
   * @param path the request's path, for a stored refusal's instance
   * @param start claims the run and starts it in the background; returns the run as claimed
   */
  public Response start(
      String caller, String key, String request, String runs, String path, Supplier<?> start) {
    Supplier<Answer> accepted = () -> RetentionJson.answer(202, start.get());
    Answer a =
        key == null || key.isEmpty()
            ? accepted.get()
            : requests.execute(caller, key, request, accepted, e -> kept(e, path));
    Response.ResponseBuilder r = RetentionJson.replyBuilder(a);
    location(runs, a).ifPresent(l -> r.header("Location", l));
    return r.build();
  }

  /** The answer a refusal leaves under the key; one that leaves none is thrown as it is. */
  static Answer kept(OpenMilesException e, String path) {
    if (!keptUnderKey(e)) {
      throw e;
    }
    return RetentionJson.refusal(e, path);
  }

  /** Whether a refusal is kept as the key's answer: all but another run in progress. */
  static boolean keptUnderKey(OpenMilesException e) {
    return !(e instanceof RunInProgressException);
  }

  /** The Location of the run an accepted answer carries (its {@code id}); none for a refusal. */
  static Optional<String> location(String runs, Answer a) {
    if (a.status() != 202) {
      return Optional.empty();
    }
    return Optional.of(
        runs + "/" + JsonRecords.object(a.body()).getJsonNumber("id").longValueExact());
  }
}
