package org.openmiles.fixturec.infrastructure;

/** Test fixture: an adapter of module "fixturec" (storage). */
public class Storage {
  public static int read() {
    return 1;
  }
}
