package org.openmiles.redemption.domain;

import org.openmiles.redemption.api.AwardView;

/** An award as stored: its view, row id and the hash of the request that issued it. */
public record StoredAward(long id, String requestHash, AwardView view) {}
