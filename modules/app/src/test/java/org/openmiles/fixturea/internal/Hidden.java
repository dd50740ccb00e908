package org.openmiles.fixturea.internal;

/** Test fixture: an internal class of an imaginary module "fixturea". */
public class Hidden {
  public static int secret() {
    return 42;
  }
}
