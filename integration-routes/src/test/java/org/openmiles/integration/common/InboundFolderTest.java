package org.openmiles.integration.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbound folder's file endpoint, configured through typed setters (ADR 0034): every option it
 * sets, none dropped and none added, and a configuration identical to the file URI it replaced.
 */
class InboundFolderTest {
  /** The URI the routes were configured with before ADR 0034, with the same folder and poll. */
  private static final String FORMER_OPTIONS =
      "?antInclude=*.csv,*.CSV"
          + "&readLock=idempotent-changed&idempotentRepository=#fileReadLock"
          + "&readLockRemoveOnCommit=true&readLockRemoveOnRollback=true"
          + "&readLockCheckInterval=1000&readLockTimeout=5000&readLockMinLength=0"
          + "&readLockLoggingLevel=DEBUG"
          + "&preMove=../processing/${file:onlyname}"
          + "&move=../${header.openmilesFolder}/"
          + "${file:onlyname.noext}.${date:now:yyyyMMddHHmmssSSS}.${file:ext}"
          + "&moveFailed=../failed/${file:onlyname.noext}.${date:now:yyyyMMddHHmmssSSS}.${file:ext}"
          + "&delay=1000&maxMessagesPerPoll=0&eagerMaxMessagesPerPoll=false&sortBy=file:modified";

  @TempDir Path base;

  private final DefaultCamelContext camel = new DefaultCamelContext();
  private final IdempotentRepository readLock =
      MemoryIdempotentRepository.memoryIdempotentRepository();

  @AfterEach
  void stop() {
    camel.stop();
  }

  private FileEndpoint typed(long pollMillis) {
    return InboundFolder.endpoint(camel, base, pollMillis, "openmilesFolder", readLock);
  }

  @Test
  void setsExactlyTheOptionsOfTheInboundConvention() {
    FileEndpoint files = typed(500);
    FileEndpoint bare = camel.getEndpoint("file:" + base.resolve("bare"), FileEndpoint.class);

    Map<String, Object> changed = new TreeMap<>(EndpointsTest.options(files));
    changed.entrySet().removeAll(EndpointsTest.options(bare).entrySet());
    String stamped = "${file:onlyname.noext}.${date:now:yyyyMMddHHmmssSSS}.${file:ext}";
    Map<String, Object> expected = new TreeMap<>();
    expected.put("antInclude", "*.csv,*.CSV");
    expected.put("readLock", "idempotent-changed");
    expected.put("idempotentRepository", "MemoryIdempotentRepository");
    expected.put("readLockRemoveOnCommit", true);
    expected.put("readLockCheckInterval", 500L);
    expected.put("readLockTimeout", 2500L);
    expected.put("readLockMinLength", 0L);
    expected.put("preMove", "../processing/${file:onlyname}");
    expected.put("move", "../${header.openmilesFolder}/" + stamped);
    expected.put("moveFailed", "../failed/" + stamped);
    expected.put("delay", 500L);
    expected.put("eagerMaxMessagesPerPoll", false);
    expected.put("sortBy", "file:modified");
    assertThat(changed).isEqualTo(expected);
    assertThat(files.getIdempotentRepository()).isSameAs(readLock);
    assertThat(files.getFile().toPath()).isEqualTo(base.resolve("inbound"));
    // set as well, and Camel's defaults too
    assertThat(files.isReadLockRemoveOnRollback()).isTrue();
    assertThat(files.getReadLockLoggingLevel()).isEqualTo(LoggingLevel.DEBUG);
    assertThat(files.getMaxMessagesPerPoll()).isZero();
  }

  @Test
  void theReadLockIsChecked200To1000MillisecondsApartAndWaitedForFiveChecks() {
    FileEndpoint quick = typed(50);
    assertThat(quick.getReadLockCheckInterval()).isEqualTo(200);
    assertThat(quick.getReadLockTimeout()).isEqualTo(1000);
    assertThat(quick.getDelay()).isEqualTo(50);
    FileEndpoint slow = typed(60_000);
    assertThat(slow.getReadLockCheckInterval()).isEqualTo(1000);
    assertThat(slow.getReadLockTimeout()).isEqualTo(5000);
    assertThat(slow.getDelay()).isEqualTo(60_000);
  }

  @Test
  void isConfiguredAsTheFileUriItReplaced() throws Exception {
    camel.getRegistry().bind("fileReadLock", readLock);
    FileEndpoint former =
        camel.getEndpoint("file:" + base.resolve("inbound") + FORMER_OPTIONS, FileEndpoint.class);
    FileEndpoint files = typed(1000);

    assertThat(EndpointsTest.options(files)).isEqualTo(EndpointsTest.options(former));
    // what the read lock strategy is made from when the consumer starts
    assertThat(params(files)).isEqualTo(params(former));
    // read when the endpoint is initialised: configured before, as the URI's options are
    assertThat(files.getAntFilter()).as("built when initialised, after the options").isNotNull();
    assertThat(files.getAntFilter().getIncludes()).containsExactly("*.csv", "*.CSV");
    assertThat(files.getAntFilter().getIncludes())
        .containsExactly(former.getAntFilter().getIncludes());
    assertThat(files.getConfiguration().getDirectory())
        .isEqualTo(former.getConfiguration().getDirectory());
    assertThat(files.getFile()).isEqualTo(former.getFile());
    assertThat(camel.getEndpoints()).contains(files, former);
  }

  private static Map<String, Object> params(FileEndpoint endpoint) throws Exception {
    Method m = endpoint.getClass().getSuperclass().getDeclaredMethod("getParamsAsMap");
    m.setAccessible(true);
    @SuppressWarnings("unchecked")
    Map<String, Object> params = (Map<String, Object>) m.invoke(endpoint);
    return params;
  }
}
