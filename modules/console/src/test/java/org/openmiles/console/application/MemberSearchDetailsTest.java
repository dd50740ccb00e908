package org.openmiles.console.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.TierBenefits;

class MemberSearchDetailsTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
  static final MemberNumber ONE = MemberNumber.fromSequence(100_000_001L);
  static final MemberNumber TWO = MemberNumber.fromSequence(100_000_002L);

  final List<MemberNumber> balancesRead = new ArrayList<>();

  static MemberView member(MemberNumber n) {
    return new MemberView(
        n,
        "Lan",
        "Nguyen",
        "lan@example.org",
        null,
        LocalDate.of(1985, 3, 4),
        "VN",
        false,
        MemberStatus.ACTIVE,
        null,
        null,
        null,
        null);
  }

  MilesLedger ledger(boolean answers) {
    return (MilesLedger)
        Proxy.newProxyInstance(
            MilesLedger.class.getClassLoader(),
            new Class<?>[] {MilesLedger.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("balance")) {
                throw new UnsupportedOperationException(method.getName());
              }
              MemberNumber n = (MemberNumber) args[0];
              balancesRead.add(n);
              if (!answers) {
                throw new IllegalStateException("ledger down");
              }
              long miles = n.equals(ONE) ? 12_000 : 0;
              return new BalanceView(n, miles, 0, miles, null, List.of());
            });
  }

  static MemberTiers tiers(boolean answers) {
    return new MemberTiers() {
      @Override
      public Map<MemberNumber, TierBenefits> tiersOn(
          Collection<MemberNumber> members, LocalDate date) {
        if (!answers) {
          throw new IllegalStateException("tiers down");
        }
        assertThat(date).isEqualTo(TODAY);
        return Map.of(
            ONE, new TierBenefits("GOLD", "Gold", 2, 50),
            TWO, new TierBenefits("MEMBER", "Member", 0, 0));
      }

      @Override
      public Map<org.openmiles.tiers.api.MemberOnDate, TierBenefits> tiersAt(
          Collection<org.openmiles.tiers.api.MemberOnDate> asked) {
        throw new UnsupportedOperationException();
      }

      @Override
      public java.util.Optional<String> spendCurrency() {
        throw new UnsupportedOperationException();
      }

      @Override
      public TierBenefits baseOn(LocalDate date) {
        throw new UnsupportedOperationException();
      }

      @Override
      public org.openmiles.tiers.api.AboveBasePage aboveBaseOn(
          LocalDate date, MemberNumber after, int limit) {
        throw new UnsupportedOperationException();
      }
    };
  }

  MemberSearchDetails details(boolean tiersAnswer, boolean ledgerAnswers) {
    MemberSearchDetails d = new MemberSearchDetails();
    d.tiers = tiers(tiersAnswer);
    d.ledger = ledger(ledgerAnswers);
    return d;
  }

  @Test
  void namesakesShowTheirTierAndBalance() {
    var found = details(true, true).of(List.of(member(ONE), member(TWO)), TODAY);
    assertThat(found)
        .containsEntry(ONE, new MemberSearchDetails.Detail("Gold", 12_000L))
        .containsEntry(TWO, new MemberSearchDetails.Detail("Member", 0L));
  }

  @Test
  void aModuleThatDoesNotAnswerLeavesOnlyItsColumnEmptyAndIsAskedOnce() {
    var found = details(false, false).of(List.of(member(ONE), member(TWO)), TODAY);
    assertThat(found)
        .containsEntry(ONE, new MemberSearchDetails.Detail(null, null))
        .containsEntry(TWO, new MemberSearchDetails.Detail(null, null));
    assertThat(balancesRead).containsExactly(ONE);
  }

  @Test
  void nothingFoundReadsNothing() {
    assertThat(details(true, true).of(List.of(), TODAY)).isEmpty();
    assertThat(balancesRead).isEmpty();
  }
}
