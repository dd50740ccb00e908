package org.openmiles.integration.airline;

import org.openmiles.integration.common.Feed;

/**
 * A feed of the host carrier's own systems (and of the survey tool, which sends in its name): one
 * format name and version; the sender is the carrier.
 */
public abstract class CarrierFeed<R> implements Feed<R> {
  private final String name;
  private final String version;

  protected CarrierFeed(String name, String version) {
    this.name = name;
    this.version = version;
  }

  @Override
  public String senderLabel() {
    return "carrier";
  }

  @Override
  public String formatName() {
    return name;
  }

  @Override
  public String formatVersion() {
    return version;
  }
}
