package org.openmiles.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.InsufficientMilesException;
import org.openmiles.accounts.api.MemberNotActiveException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberStatus;

class AccountTest {
  private static final LocalDate D = LocalDate.of(2026, 6, 1);

  private static Account account(MemberStatus status, long balance, long held) {
    return new Account(1, MemberNumber.fromSequence(100_000_001L), status, balance, held, null);
  }

  @Test
  void availableIsBalanceMinusHeldAndNeverGoesNegative() {
    Account a = account(MemberStatus.ACTIVE, 1_000, 0);
    a.placeHold(600);
    assertThat(a.available()).isEqualTo(400);
    assertThatThrownBy(() -> a.post(EntryType.DEBIT, -401, D))
        .isInstanceOf(InsufficientMilesException.class)
        .hasMessageContaining("400 miles available, 401 needed");
    assertThatThrownBy(() -> a.placeHold(401)).isInstanceOf(InsufficientMilesException.class);
    assertThat(a.balance()).isEqualTo(1_000);
    assertThat(a.post(EntryType.DEBIT, -400, D)).isEqualTo(600);
    assertThat(a.available()).isZero();
  }

  @Test
  void aPartialCaptureReleasesTheRestOfTheHold() {
    Account a = account(MemberStatus.ACTIVE, 1_000, 0);
    a.placeHold(800);
    assertThat(a.captureHold(800, 300, D)).isEqualTo(700);
    assertThat(a.held()).isZero();
    assertThat(a.available()).isEqualTo(700);
    assertThat(a.lastActivity()).isEqualTo(D);
  }

  @Test
  void expiryTakesOnlyMilesThatAreNotHeld() {
    Account a = account(MemberStatus.ACTIVE, 1_000, 700);
    assertThat(a.expire(1_000)).isEqualTo(300);
    assertThat(a.balance()).isEqualTo(700);
    assertThat(a.expire(1_000)).isZero();
  }

  @Test
  void suspendedMembersEarnButDoNotSpendAndClosedMembersDoNeither() {
    Account suspended = account(MemberStatus.SUSPENDED, 1_000, 0);
    assertThat(suspended.post(EntryType.CREDIT, 10, D)).isEqualTo(1_010);
    assertThatThrownBy(() -> suspended.post(EntryType.DEBIT, -10, D))
        .isInstanceOf(MemberNotActiveException.class);
    assertThatThrownBy(() -> suspended.placeHold(10)).isInstanceOf(MemberNotActiveException.class);
    Account closed = account(MemberStatus.CLOSED, 1_000, 0);
    assertThatThrownBy(() -> closed.post(EntryType.CREDIT, 10, D))
        .isInstanceOf(MemberNotActiveException.class);
    assertThat(closed.changed()).isFalse();
  }

  @Test
  void reversalsDoNotCountAsActivityButEverythingTheMemberOrAnAgentDoesDoes() {
    Account a = account(MemberStatus.ACTIVE, 1_000, 0);
    a.post(EntryType.REVERSAL, -50, D);
    assertThat(a.lastActivity()).isNull();
    a.post(EntryType.ADJUSTMENT, 50, D.minusDays(9));
    assertThat(a.lastActivity()).isEqualTo(D.minusDays(9));
    a.post(EntryType.CREDIT, 50, D);
    a.post(EntryType.DEBIT, -50, D.minusDays(3));
    assertThat(a.lastActivity()).as("activity never moves backwards").isEqualTo(D);
  }

  @Test
  void aMergeMovesTheWholeBalanceButNothingOnHold() {
    Account held = account(MemberStatus.ACTIVE, 1_000, 200);
    assertThatThrownBy(held::mergeOut).hasMessageContaining("200 miles on hold");
    assertThat(held.balance()).isEqualTo(1_000);

    Account suspended = account(MemberStatus.SUSPENDED, 1_000, 0);
    assertThat(suspended.mergeOut()).isEqualTo(1_000);
    assertThat(suspended.balance()).isZero();
    assertThat(suspended.changed()).isTrue();
  }

  @Test
  void theSurvivorTakesTheMilesAndTheLaterActivityButMustBeAbleToEarn() {
    Account survivor =
        new Account(2, MemberNumber.fromSequence(100_000_002L), MemberStatus.ACTIVE, 500, 0, D);
    assertThat(survivor.mergeIn(1_000, D.plusMonths(2))).isEqualTo(1_500);
    assertThat(survivor.lastActivity()).isEqualTo(D.plusMonths(2));
    assertThat(survivor.mergeIn(10, D.minusYears(1))).isEqualTo(1_510);
    assertThat(survivor.lastActivity()).isEqualTo(D.plusMonths(2));

    Account closed = account(MemberStatus.CLOSED, 0, 0);
    assertThatThrownBy(() -> closed.mergeIn(1_000, D)).isInstanceOf(MemberNotActiveException.class);
    assertThat(closed.balance()).isZero();
  }
}
