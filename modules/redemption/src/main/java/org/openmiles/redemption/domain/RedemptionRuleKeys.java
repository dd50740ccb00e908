package org.openmiles.redemption.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openmiles.common.ValidationException;
import org.openmiles.redemption.api.Cabin;
import org.openmiles.redemption.api.Journey;

/**
 * The keys of the redemption rules as program administration names them (issue 20, ADR 0045): a
 * rule without its date, parts joined by colons, as the tables key a row (redemption V1, V2, V3):
 * {@code ROUTE_GROUP:CABIN:SEASON:JOURNEY} for a cell of the award chart, {@code COUNTRY} for the
 * zone of a country, {@code ROUTE_GROUP} or {@code ALL} for a peak calendar, the package code for
 * an extension package. Read case-insensitively; a key that does not parse is refused as the field
 * {@code key}. Whether a route group exists is the administration's check, not the parser's.
 */
public final class RedemptionRuleKeys {
  private RedemptionRuleKeys() {}

  /** A route group's or a package's code ({@code route_group_code_ck}, {@code ..._code_ck}). */
  public static final String CODE = "[A-Z][A-Z0-9_]{1,19}";

  /** The scope of the peak calendar of every route group. */
  public static final String ALL = "ALL";

  /** One cell of the award chart: {@code DOMESTIC:ECONOMY:PEAK:ONE_WAY}. */
  public record ChartKey(
      String routeGroup, Cabin cabin, AwardChart.Season season, Journey journey) {
    @Override
    public String toString() {
      return routeGroup + ":" + cabin + ":" + season + ":" + journey;
    }
  }

  /** {@code ROUTE_GROUP:CABIN:SEASON:JOURNEY}, each part checked. */
  public static ChartKey chart(String key) {
    String[] p =
        parts(key, 4, "ROUTE_GROUP:CABIN:SEASON:JOURNEY, such as DOMESTIC:ECONOMY:PEAK:ONE_WAY");
    if (!p[0].matches(CODE)) {
      throw refused("the route group " + p[0] + " is not a route group's code (" + CODE + ")");
    }
    return new ChartKey(
        p[0],
        value(Cabin.class, p[1], "cabin"),
        value(AwardChart.Season.class, p[2], "season"),
        value(Journey.class, p[3], "journey"));
  }

  /** A country: two letters ({@code award_zone_country_country_ck}). */
  public static String country(String key) {
    String c = parts(key, 1, "a country's two letters (ISO 3166), such as VN")[0];
    if (!c.matches("[A-Z]{2}")) {
      throw refused("a country's two letters (ISO 3166), such as VN, not " + c);
    }
    return c;
  }

  /** {@code ALL} or a route group's code. */
  public static String scope(String key) {
    String s = parts(key, 1, "ALL or a route group's code, such as VN_JP")[0];
    if (!s.matches(CODE)) {
      throw refused("ALL or a route group's code, such as VN_JP, not " + s);
    }
    return s;
  }

  /** An extension package's code ({@code extension_package_code_ck}). */
  public static String packageCode(String key) {
    String s = parts(key, 1, "a package code such as EXT_500_12M")[0];
    if (!s.matches(CODE)) {
      throw refused(
          "a package code: a capital letter, then 1 to 19 capitals, digits or _, not " + s);
    }
    return s;
  }

  private static String[] parts(String key, int n, String what) {
    String k = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
    String[] p = k.split(":", -1);
    if (k.isEmpty() || p.length != n || Arrays.stream(p).anyMatch(String::isBlank)) {
      throw refused(what + (k.isEmpty() ? "" : ", not " + key.strip()));
    }
    return p;
  }

  private static <E extends Enum<E>> E value(Class<E> type, String v, String what) {
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
      throw refused("the " + what + " is one of " + String.join(", ", names) + ", not " + v);
    }
  }

  private static ValidationException refused(String why) {
    return new ValidationException(Map.of("key", why));
  }
}
