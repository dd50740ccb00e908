package org.openmiles.fixtureb;

import org.openmiles.fixturea.internal.Hidden;

/** Test fixture: module "fixtureb" breaking the rule by using fixturea's internals. */
public class ReachesIn {
  public int peek() {
    return Hidden.secret();
  }
}
