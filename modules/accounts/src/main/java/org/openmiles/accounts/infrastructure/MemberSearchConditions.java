package org.openmiles.accounts.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openmiles.accounts.api.MemberSearch;
import org.openmiles.accounts.domain.MemberProfile;

/**
 * A member search's conditions, written once for both queries that need them: the JPQL that reads
 * the members found and the SQL that counts them. {@code where} is the conditions joined by {@code
 * and} (a member {@code m}), {@code params} their values in order, one per placeholder.
 */
record MemberSearchConditions(String where, List<Object> params) {

  /** How a query names the member's fields and its parameters. */
  enum Language {
    /** Entity fields, numbered parameters ({@code ?1}). */
    JPQL("m.lastName", "m.firstName", "m.email", "m.phone"),
    /** Columns of {@code accounts.member}, plain JDBC parameters ({@code ?}). */
    SQL("m.last_name", "m.first_name", "m.email", "m.phone");

    final String lastName;
    final String firstName;
    final String email;
    final String phone;

    Language(String lastName, String firstName, String email, String phone) {
      this.lastName = lastName;
      this.firstName = firstName;
      this.email = email;
      this.phone = phone;
    }
  }

  static MemberSearchConditions of(MemberSearch s, Language l) {
    var b = new Builder(l);
    if (s.email() != null && !s.email().isBlank()) {
      b.and("lower(" + l.email + ") = " + b.param(s.email().strip().toLowerCase(Locale.ROOT)));
    }
    if (s.phone() != null && !s.phone().isBlank()) {
      b.and(l.phone + " = " + b.param(MemberProfile.normalizePhone(s.phone())));
    }
    if (s.name() != null && !s.name().isBlank()) {
      String[] words = s.name().strip().toLowerCase(Locale.ROOT).split("\\s+");
      String first = escape(words[0]) + "%";
      if (words.length == 1) {
        b.and("(" + b.like(l.lastName, first) + " or " + b.like(l.firstName, first) + ")");
      } else {
        // "last first" or "first last"
        String last = escape(words[words.length - 1]) + "%";
        b.and(
            "(("
                + b.like(l.lastName, first)
                + " and "
                + b.like(l.firstName, last)
                + ") or ("
                + b.like(l.firstName, first)
                + " and "
                + b.like(l.lastName, last)
                + "))");
      }
    }
    return new MemberSearchConditions(String.join(" and ", b.conditions), List.copyOf(b.params));
  }

  /** A name as a LIKE prefix: the wildcards {@code %} and {@code _} stand for themselves. */
  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static final class Builder {
    final Language language;
    final List<String> conditions = new ArrayList<>();
    final List<Object> params = new ArrayList<>();

    Builder(Language language) {
      this.language = language;
    }

    void and(String condition) {
      conditions.add(condition);
    }

    String param(Object value) {
      params.add(value);
      return language == Language.JPQL ? "?" + params.size() : "?";
    }

    String like(String field, String prefix) {
      return "lower(" + field + ") like " + param(prefix) + " escape '\\'";
    }
  }
}
