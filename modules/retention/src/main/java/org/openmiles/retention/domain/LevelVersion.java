package org.openmiles.retention.domain;

import java.util.Objects;
import org.openmiles.retention.api.LevelView;

/**
 * One engagement level as a version of it defines it ({@code retention.engagement_level_version},
 * V10): its code, its place in the order ({@code rank}, 0 = the lowest, fixed), its name and the
 * points that reach it from the version's date.
 */
public record LevelVersion(String code, int rank, String name, long minPoints) {
  public LevelVersion {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }

  public LevelView view() {
    return new LevelView(code, name, minPoints);
  }
}
