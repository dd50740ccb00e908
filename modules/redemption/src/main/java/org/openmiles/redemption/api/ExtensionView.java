package org.openmiles.redemption.api;

import java.time.Instant;
import java.util.List;
import org.openmiles.accounts.api.ExpiryExtension;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.Money;

/** A bought extension: the package, the price paid, the miles moved and to which dates. */
public record ExtensionView(
    MemberNumber member,
    String packageCode,
    Money price,
    String paymentReference,
    long milesExtended,
    int months,
    List<ExpiryExtension.Move> moves,
    Instant boughtAt,
    boolean replayed) {

  public ExtensionView {
    moves = List.copyOf(moves);
  }
}
