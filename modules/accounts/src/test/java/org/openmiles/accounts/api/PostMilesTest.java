package org.openmiles.accounts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PostMilesTest {
  private static final MemberNumber M = MemberNumber.fromSequence(100_000_001L);
  private static final LocalDate D = LocalDate.of(2026, 5, 1);

  private static PostMiles post(EntryType type, long miles) {
    return new PostMiles(M, type, miles, SourceReference.of("ref-1"), D, "x");
  }

  @Test
  void eachTypeMovesTheBalanceInItsOwnDirection() {
    assertThat(post(EntryType.CREDIT, 10).miles()).isEqualTo(10);
    assertThat(post(EntryType.REDEPOSIT, 10).miles()).isEqualTo(10);
    assertThat(post(EntryType.DEBIT, -10).miles()).isEqualTo(-10);
    assertThat(post(EntryType.REVERSAL, -10).miles()).isEqualTo(-10);
    assertThat(post(EntryType.ADJUSTMENT, -10).miles()).isEqualTo(-10);
    assertThat(post(EntryType.ADJUSTMENT, 10).miles()).isEqualTo(10);
    assertThatThrownBy(() -> post(EntryType.CREDIT, -10))
        .hasMessageContaining("CREDIT must be positive");
    assertThatThrownBy(() -> post(EntryType.DEBIT, 10))
        .hasMessageContaining("DEBIT must be negative");
    assertThatThrownBy(() -> post(EntryType.CREDIT, 0)).hasMessageContaining("zero");
  }

  @Test
  void holdAndExpiryEntriesComeOnlyFromTheirOperations() {
    for (EntryType t :
        new EntryType[] {
          EntryType.HOLD,
          EntryType.HOLD_CAPTURE,
          EntryType.HOLD_RELEASE,
          EntryType.HOLD_EXPIRY,
          EntryType.EXPIRY
        }) {
      assertThatThrownBy(() -> post(t, -10)).hasMessageContaining("cannot be posted directly");
    }
  }

  @Test
  void implausibleAmountsAndLongDescriptionsAreRefused() {
    assertThatThrownBy(() -> post(EntryType.CREDIT, 100_000_001L))
        .hasMessageContaining("not plausible");
    assertThatThrownBy(
            () ->
                new PostMiles(M, EntryType.CREDIT, 5, SourceReference.of("r"), D, "x".repeat(201)))
        .hasMessageContaining("200");
    assertThat(
            new PostMiles(M, EntryType.CREDIT, 5, SourceReference.of("r"), D, null).description())
        .isEmpty();
  }

  @Test
  void sourceReferencesArePrintableAndBounded() {
    assertThat(SourceReference.of("PARTNER:HTL01:TX-0001").derive("capture").value())
        .isEqualTo("PARTNER:HTL01:TX-0001#capture");
    assertThatThrownBy(() -> SourceReference.of("with space")).hasMessageContaining("printable");
    assertThatThrownBy(() -> SourceReference.of("ré")).hasMessageContaining("printable");
    assertThatThrownBy(() -> SourceReference.of("")).hasMessageContaining("1 to 120");
    assertThatThrownBy(() -> SourceReference.of("x".repeat(121))).hasMessageContaining("1 to 120");
  }

  @Test
  void onlyAPostingThatAddsMilesMaySetItsExpiry() {
    MemberNumber m = MemberNumber.fromSequence(100_000_001L);
    LocalDate day = LocalDate.of(2026, 3, 1);
    PostMiles redeposit =
        new PostMiles(m, EntryType.REDEPOSIT, 500, SourceReference.of("r:1"), day, "back")
            .expiringOn(LocalDate.of(2028, 1, 31));
    assertThat(redeposit.expiresOn()).isEqualTo(LocalDate.of(2028, 1, 31));
    assertThat(PostMiles.credit(m, 5, "c:1", day, "x").expiresOn()).isNull();
    assertThatThrownBy(() -> PostMiles.debit(m, 5, "d:1", day, "x").expiringOn(day))
        .hasMessageContaining("only a posting that adds miles");
  }
}
