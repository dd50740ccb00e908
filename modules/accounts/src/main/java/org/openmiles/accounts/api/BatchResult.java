package org.openmiles.accounts.api;

import java.util.List;

/**
 * Outcome of a batch: what was posted now, what had been posted before (replays of the same source
 * reference: no effect), and what was refused. {@code posted + replayed + rejected} covers every
 * posting of the batch exactly once.
 */
public record BatchResult(
    List<PostingResult> posted, List<PostingResult> replayed, List<RejectedPosting> rejected) {

  public BatchResult {
    posted = List.copyOf(posted);
    replayed = List.copyOf(replayed);
    rejected = List.copyOf(rejected);
  }

  public long milesPosted() {
    return posted.stream().mapToLong(PostingResult::miles).sum();
  }
}
