package org.openmiles.fixturec.domain;

import org.openmiles.fixturec.infrastructure.Storage;

/** Test fixture: a domain class of module "fixturec" breaking the rule by reading storage. */
public class Leaky {
  public int value() {
    return Storage.read();
  }
}
