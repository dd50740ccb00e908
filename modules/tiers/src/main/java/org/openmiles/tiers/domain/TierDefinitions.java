package org.openmiles.tiers.domain;

import java.util.List;

/** Every version of every tier definition, each with the dates it is in force. */
public interface TierDefinitions {
  List<DatedTier> allDefinitions();
}
