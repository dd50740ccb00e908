package org.openmiles.fixturec.application;

import org.openmiles.fixturec.infrastructure.Storage;

/**
 * Test fixture: a service of module "fixturec" breaking ADR 0030 by using its JDBC class instead of
 * a repository interface in {@code domain}.
 */
public class Wired {
  public int answer() {
    return Storage.read();
  }
}
