package org.openmiles.integration.partner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.FileRegistration;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.accrual.api.PartnerActivity;

/**
 * Credits every record 10 miles per unit of quantity, and reverses every reversal record for as
 * many; remembers files by checksum and the reversals it was given, nothing else. Like the
 * database, it resumes a file sent again that was neither completed nor refused (a fault stopped
 * it), and answers any other one sent again as a duplicate.
 */
class FakePartnerAccrual implements PartnerAccrual {
  final Map<String, Long> files = new HashMap<>();
  final Map<Long, String> rejectedFiles = new HashMap<>();
  final Map<Long, String> failedFiles = new HashMap<>();
  final List<Integer> chunkSizes = new ArrayList<>();
  final List<PartnerActivity> reversals = new ArrayList<>();
  final java.util.Set<Long> completedFiles = new java.util.HashSet<>();
  long credited;
  long nextId = 1;

  @Override
  public List<String> activePartnerCodes() {
    return List.of("DEMO_HOTEL");
  }

  @Override
  public FileRegistration registerFile(String partnerCode, String fileName, String checksum) {
    Long before = files.get(checksum);
    if (before != null && !completedFiles.contains(before) && !rejectedFiles.containsKey(before)) {
      failedFiles.remove(before);
      return new FileRegistration(before, FileRegistration.Status.RESUMED, before);
    }
    if (before != null) {
      return new FileRegistration(0, FileRegistration.Status.DUPLICATE, before);
    }
    long id = nextId++;
    files.put(checksum, id);
    return new FileRegistration(id, FileRegistration.Status.NEW, 0);
  }

  @Override
  public List<ActivityResult> credit(long fileId, List<PartnerActivity> chunk) {
    chunkSizes.add(chunk.size());
    List<ActivityResult> out = new ArrayList<>(chunk.size());
    for (PartnerActivity a : chunk) {
      if (a.reversal()) {
        reversals.add(a);
        out.add(
            new ActivityResult(
                a.lineNumber(),
                ActivityResult.Outcome.REVERSED,
                a.amount().quantity().longValue() * 10,
                null,
                null));
        continue;
      }
      credited++;
      out.add(
          new ActivityResult(
              a.lineNumber(),
              ActivityResult.Outcome.CREDITED,
              a.amount().quantity().longValue() * 10,
              null,
              null));
    }
    return out;
  }

  @Override
  public long creditParked(org.openmiles.accounts.api.MemberNumber member) {
    return 0;
  }

  @Override
  public void completeFile(long fileId, FileSummary summary) {
    completedFiles.add(fileId);
  }

  @Override
  public void rejectFile(long fileId, String reason, int recordCount) {
    rejectedFiles.put(fileId, reason);
  }

  @Override
  public void failFile(long fileId, String reason) {
    failedFiles.put(fileId, reason);
  }
}
