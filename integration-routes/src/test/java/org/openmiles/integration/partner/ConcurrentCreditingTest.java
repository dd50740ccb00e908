package org.openmiles.integration.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.PartnerActivity;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.InboundFileProcessor;

/**
 * Chunks of one file credited by two threads give the same acknowledgement and reject file as one
 * thread: a record repeated across chunks is still found by its later line, results are written in
 * file order, and a chunk that fails beside another is credited again alone, once.
 */
class ConcurrentCreditingTest {
  static final String M1 = PartnerFileProcessorTest.M1;
  static final String M2 = PartnerFileProcessorTest.M2;

  @TempDir Path root;

  /** A sink that behaves like the database: a transaction id is recorded once, by its line. */
  static final class DatabaseLikeAccrual extends FakePartnerAccrual {
    final Map<String, Long> recorded = new HashMap<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    int failOnCall = -1; // this call fails (rolled back: records nothing), as a deadlock would

    @Override
    public List<ActivityResult> credit(long fileId, List<PartnerActivity> chunk) {
      int call = calls.incrementAndGet();
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(20); // long enough for the next chunk to start beside this one
        if (call == failOnCall) {
          throw new IllegalStateException("deadlock detected (simulated)");
        }
        List<ActivityResult> out = new ArrayList<>();
        synchronized (recorded) {
          for (PartnerActivity a : chunk) {
            Long line = recorded.putIfAbsent(a.partnerTxId(), a.lineNumber());
            out.add(
                line == null
                    ? new ActivityResult(
                        a.lineNumber(), ActivityResult.Outcome.CREDITED, 10, null, null)
                    : ActivityResult.rejected(
                        a.lineNumber(), "DUPLICATE_IN_FILE", "already on line " + line));
          }
        }
        return out;
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        running.decrementAndGet();
      }
    }
  }

  private String content() {
    StringBuilder s = new StringBuilder(PartnerFileProcessorTest.header());
    int records = 0;
    for (int i = 1; i <= 40; i++) {
      // every 7th line repeats a transaction of a few lines before, often in the chunk before
      String tx = i % 7 == 0 ? "T" + (i - 4) : "T" + i;
      s.append(PartnerFileProcessorTest.detail(tx, i % 2 == 0 ? M1 : M2, "1"));
      records++;
      if (i % 10 == 0) {
        s.append("D,bad line\n");
        records++;
      }
    }
    return s.append("T,").append(records).append(",").append(records - 4).append("\n").toString();
  }

  private record Outcome(String folder, List<String> ack, List<String> rejects) {}

  private Outcome run(DatabaseLikeAccrual sink, int threads, String dir) throws IOException {
    FileSettings settings =
        FileSettings.of(root.resolve(dir).toString(), 3, 200, 12).withCreditThreads(threads);
    settings.createPartnerFolders("DEMO_HOTEL");
    InboundFileProcessor p =
        InboundFileProcessor.of(
            settings,
            PartnerFileProcessorTest.CLOCK,
            new org.openmiles.integration.bootstrap.ContainerWork(),
            null);
    Path file = root.resolve(dir + ".csv");
    Files.writeString(file, content(), StandardCharsets.UTF_8);
    String folder = p.handle(file, "f.csv", PartnerFeed.of("DEMO_HOTEL", sink, settings));
    Path out = settings.partnerFolder("DEMO_HOTEL", "outbound");
    return new Outcome(
        folder,
        Files.readAllLines(out.resolve("f.csv.ack.csv")),
        Files.readAllLines(out.resolve("f.csv.rejects.csv")));
  }

  @Test
  void twoThreadsAnswerExactlyAsOne() throws IOException {
    DatabaseLikeAccrual one = new DatabaseLikeAccrual();
    Outcome sequential = run(one, 1, "one");
    DatabaseLikeAccrual two = new DatabaseLikeAccrual();
    Outcome concurrent = run(two, 2, "two");

    assertThat(one.mostAtOnce).hasValue(1);
    assertThat(two.mostAtOnce).hasValue(2);
    assertThat(concurrent).isEqualTo(sequential);
    assertThat(sequential.rejects())
        .anyMatch(l -> l.startsWith("8,DUPLICATE_IN_FILE,already on line 4"));
    assertThat(two.recorded).isEqualTo(one.recorded);
  }

  @Test
  void aChunkThatFailsBesideAnotherIsCreditedAgainAlone() throws IOException {
    DatabaseLikeAccrual one = new DatabaseLikeAccrual();
    Outcome sequential = run(one, 1, "one");
    DatabaseLikeAccrual two = new DatabaseLikeAccrual();
    two.failOnCall = 3;
    Outcome concurrent = run(two, 2, "two");

    assertThat(concurrent).isEqualTo(sequential);
    assertThat(two.calls.get()).isEqualTo(one.calls.get() + 1);
    assertThat(two.recorded).isEqualTo(one.recorded);
  }
}
