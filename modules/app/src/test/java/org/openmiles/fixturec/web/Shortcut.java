package org.openmiles.fixturec.web;

import org.openmiles.fixturec.infrastructure.Storage;

/** Test fixture: a web adapter of module "fixturec" breaking the rule by skipping its service. */
public class Shortcut {
  public int answer() {
    return Storage.read();
  }
}
