package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.accrual.domain.Dated;
import org.openmiles.accrual.domain.DistanceRepository;
import org.openmiles.common.jdbc.Jdbc;

/** City-pair distances in {@code accrual.city_pair_distance}, stored with {@code a < b}. */
@ApplicationScoped
public class JdbcDistanceRepository implements DistanceRepository {

  @Inject Jdbc jdbc;

  @Override
  public Map<String, List<Dated<Long>>> cityPairMiles(Collection<List<String>> pairs) {
    Map<String, List<Dated<Long>>> out = new HashMap<>();
    if (pairs.isEmpty()) {
      return out;
    }
    Object[] a = new Object[pairs.size()];
    Object[] b = new Object[pairs.size()];
    int i = 0;
    for (List<String> p : pairs) {
      boolean ordered = p.get(0).compareTo(p.get(1)) < 0;
      a[i] = ordered ? p.get(0) : p.get(1);
      b[i++] = ordered ? p.get(1) : p.get(0);
    }
    jdbc.list(
        "read city-pair distances",
        """
        select d.airport_a, d.airport_b, d.miles, d.effective_from, d.effective_to
          from accrual.city_pair_distance d
          join (select distinct x, y from unnest(?::varchar[], ?::varchar[]) as k(x, y)) k
            on d.airport_a = k.x and d.airport_b = k.y""",
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "varchar", a));
          ps.setArray(2, Jdbc.array(c, "varchar", b));
        },
        rs -> {
          out.computeIfAbsent(
                  rs.getString("airport_a") + ":" + rs.getString("airport_b"),
                  k -> new ArrayList<>())
              .add(RuleVersions.dated(rs, rs.getLong("miles")));
          return null;
        });
    return out;
  }

  @Override
  public List<Dated<Long>> cityPairMiles(String a, String b) {
    boolean ordered = a.compareTo(b) < 0;
    return RuleVersions.read(
        jdbc,
        "read the city-pair distance " + a + "-" + b,
        """
        select miles, effective_from, effective_to from accrual.city_pair_distance
         where airport_a = ? and airport_b = ?""",
        List.of(ordered ? a : b, ordered ? b : a),
        rs -> rs.getLong("miles"));
  }
}
