package org.openmiles.integration.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer files as a spreadsheet would open them. */
class OutboundFilesTest {
  @TempDir Path outbound;

  @Test
  void aSettlementKeepsANegativeAmountAsANumberAndNeutralisesFormulas() throws Exception {
    Map<String, Object> entries = new LinkedHashMap<>();
    entries.put("partner", "=cmd|' /C calc'!A0");
    entries.put("net_miles", -1_250);
    entries.put("amount_due", new BigDecimal("-12.50"));
    entries.put("currency", "@USD");
    Path file = OutboundFiles.writeKeyValues(outbound, "settlement-2026-11.csv", entries);
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "key,value",
            "partner,\"'=cmd|' /C calc'!A0\"",
            "net_miles,-1250",
            "amount_due,-12.50",
            "currency,\"'@USD\"");
  }

  @Test
  void rejectRowsNeutraliseEveryCellThatCouldRun() throws Exception {
    try (var rejects = new OutboundFiles.RejectWriter(outbound, "f.csv")) {
      rejects.reject(3, "UNKNOWN_RECORD_TYPE", "-x", "+SUM(1,2)");
      rejects.complete();
    }
    assertThat(Files.readAllLines(outbound.resolve("f.csv.rejects.csv")))
        .containsExactly(
            "line,code,reason,original_line", "3,UNKNOWN_RECORD_TYPE,\"'-x\",\"'+SUM(1,2)\"");
  }
}
