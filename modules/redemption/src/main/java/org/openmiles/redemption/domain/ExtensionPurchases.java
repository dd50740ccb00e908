package org.openmiles.redemption.domain;

import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.redemption.api.ExtensionView;

/** Expiry extensions bought with miles or money, by the client's reference. */
public interface ExtensionPurchases {

  Optional<ExtensionView> extension(MemberNumber member, String clientReference);

  void insertExtension(String clientReference, ExtensionView extension);
}
