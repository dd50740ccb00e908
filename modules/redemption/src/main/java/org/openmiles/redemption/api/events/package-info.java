/**
 * Facts of the redemption module, fired inside the transaction that made them true: {@link
 * org.openmiles.redemption.api.events.AwardRedeemed}, {@link
 * org.openmiles.redemption.api.events.AwardCancelled}, {@link
 * org.openmiles.redemption.api.events.MilesExpiring}. Side effects observe them {@code
 * AFTER_SUCCESS}. Expired miles are the ledger's fact: {@code accounts.api.events.MilesExpired}.
 */
package org.openmiles.redemption.api.events;
