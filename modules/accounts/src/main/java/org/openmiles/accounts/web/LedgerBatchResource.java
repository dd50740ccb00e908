package org.openmiles.accounts.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.BatchResult;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.common.ValidationException;
import org.openmiles.common.Validator;
import org.openmiles.common.web.RequestBodies;

/**
 * Bulk posting for back-office imports: up to 10,000 postings in one transaction. A posting that a
 * business rule refuses (unknown member, not enough miles) is reported with its index and the rest
 * is posted; a malformed posting refuses the whole request before anything is written.
 */
@Path("v1/ledger/batches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger batches", description = "Bulk posting in one transaction")
public class LedgerBatchResource {
  public static final int MAX_BATCH = 10_000;

  @Inject MilesLedger ledger;
  @Inject Clock clock;

  /** One posting of a batch. */
  public record BatchPosting(
      String member,
      EntryType type,
      Long miles,
      String sourceReference,
      LocalDate activityDate,
      String description) {}

  /** The batch. */
  public record BatchRequest(List<BatchPosting> postings) {}

  /** Counts, and each refused posting with its index and reason. */
  public record BatchSummary(
      int posted, int replayed, long milesPosted, List<Rejection> rejected) {}

  /** A refused posting. */
  public record Rejection(int index, String sourceReference, String code, String reason) {}

  @POST
  @Operation(
      summary = "Post up to 10,000 entries in one transaction",
      description =
          "Replays (already-used source references with the same content) are counted, not "
              + "posted again. Rejections carry the posting's index and a stable code.")
  public BatchSummary post(BatchRequest body) {
    BatchRequest b = RequestBodies.require(body);
    if (b.postings() == null || b.postings().isEmpty() || b.postings().size() > MAX_BATCH) {
      throw ValidationException.of("postings", "must hold 1 to " + MAX_BATCH + " postings");
    }
    LocalDate today = LocalDate.now(clock);
    List<PostMiles> postings = new ArrayList<>(b.postings().size());
    for (int i = 0; i < b.postings().size(); i++) {
      BatchPosting p = b.postings().get(i);
      String field = "postings[" + i + "]";
      postings.add(
          Validator.valid(
              field,
              () ->
                  new PostMiles(
                      new MemberNumber(p.member()),
                      p.type(),
                      p.miles() == null ? 0 : p.miles(),
                      SourceReference.of(p.sourceReference()),
                      p.activityDate() == null ? today : p.activityDate(),
                      p.description())));
    }
    BatchResult r = ledger.postBatch(postings);
    return new BatchSummary(
        r.posted().size(),
        r.replayed().size(),
        r.milesPosted(),
        r.rejected().stream()
            .map(x -> new Rejection(x.index(), x.posting().source().value(), x.code(), x.reason()))
            .toList());
  }
}
