package org.openmiles.accounts.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openmiles.accounts.api.MemberAlreadyEnrolledException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberSearch;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.domain.Member;
import org.openmiles.accounts.domain.MemberRepository;
import org.openmiles.common.jdbc.Jdbc;

/** Members through EclipseLink, in the {@code accounts} persistence unit. */
@ApplicationScoped
public class JpaMemberRepository implements MemberRepository {

  @PersistenceContext(unitName = "accounts")
  EntityManager em;

  @Override
  public MemberNumber nextMemberNumber() {
    Number n =
        (Number)
            em.createNativeQuery("select nextval('accounts.member_number_seq')").getSingleResult();
    return MemberNumber.fromSequence(n.longValue());
  }

  @Override
  public void add(Member member) {
    em.persist(member);
    flush(); // the id is needed now: the account row references it
  }

  @Override
  public void flush() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw duplicate(e).orElseThrow(() -> e);
    }
  }

  /** A concurrent enrollment with the same email or key shows up as a unique violation here. */
  private static Optional<MemberAlreadyEnrolledException> duplicate(PersistenceException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        String msg = String.valueOf(sql.getMessage());
        if (msg.contains("member_active_email_uk")) {
          return Optional.of(
              new MemberAlreadyEnrolledException(
                  "another member who is not closed took this email at the same moment; search for them"));
        }
        if (msg.contains("member_enrollment_key_uk")) {
          return Optional.of(
              new MemberAlreadyEnrolledException(
                  "an enrollment with this Idempotency-Key is being made at the same moment;"
                      + " retry to get its result"));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<Member> find(MemberNumber number) {
    return em.createQuery("select m from Member m where m.memberNumber = :n", Member.class)
        .setParameter("n", number.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Member> findByEnrollmentKey(String key) {
    return em.createQuery("select m from Member m where m.enrollmentKey = :k", Member.class)
        .setParameter("k", key)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean emailInUse(String email, MemberNumber except) {
    return !em.createQuery(
            "select m.memberNumber from Member m where lower(m.email) = :e and m.status <> :closed"
                + " and m.memberNumber <> :except",
            String.class)
        .setParameter("e", email.toLowerCase(Locale.ROOT))
        .setParameter("closed", MemberStatus.CLOSED)
        .setParameter("except", except == null ? "" : except.value())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public List<Member> search(MemberSearch s) {
    var where = MemberSearchConditions.of(s, MemberSearchConditions.Language.JPQL);
    var q =
        em.createQuery(
                "select m from Member m where "
                    + where.where()
                    + " order by m.lastName, m.firstName, m.memberNumber",
                Member.class)
            .setMaxResults(s.limit());
    for (int i = 0; i < where.params().size(); i++) {
      q.setParameter(i + 1, where.params().get(i));
    }
    return q.getResultList();
  }

  /**
   * One statement that stops after {@code upTo} matches: the inner query reads at most that many
   * index entries, so "n" over millions of members costs what {@code upTo} rows cost.
   */
  @Override
  public long count(MemberSearch s, int upTo) {
    var where = MemberSearchConditions.of(s, MemberSearchConditions.Language.SQL);
    var q =
        em.createNativeQuery(
            "select count(*) from (select 1 from accounts.member m where "
                + where.where()
                + " fetch first "
                + upTo
                + " rows only) found");
    for (int i = 0; i < where.params().size(); i++) {
      q.setParameter(i + 1, where.params().get(i));
    }
    return ((Number) q.getSingleResult()).longValue();
  }

  @Override
  public void recordStatusChange(Member member, MemberStatus from, String reason, Instant at) {
    em.createNativeQuery(
            "insert into accounts.member_status_history (member_id, from_status, to_status, reason, changed_at)"
                + " values (?, ?, ?, ?, ?)")
        .setParameter(1, member.id())
        .setParameter(2, from == null ? null : from.name())
        .setParameter(3, member.status().name())
        .setParameter(4, reason)
        .setParameter(5, java.sql.Timestamp.from(at))
        .executeUpdate();
  }

  @Override
  public void recordMerge(MergeRecord m) {
    em.createNativeQuery(
            "insert into accounts.member_merge (duplicate_number, survivor_number, miles, reason,"
                + " merged_by, merged_at) values (?, ?, ?, ?, ?, ?)")
        .setParameter(1, m.duplicate().value())
        .setParameter(2, m.survivor().value())
        .setParameter(3, m.miles())
        .setParameter(4, m.reason())
        .setParameter(5, m.mergedBy())
        .setParameter(6, java.sql.Timestamp.from(m.mergedAt()))
        .executeUpdate();
  }

  @Override
  public Optional<MergeRecord> findMerge(MemberNumber duplicate) {
    List<?> rows =
        em.createNativeQuery(
                "select survivor_number, miles, reason, merged_by, merged_at"
                    + " from accounts.member_merge where duplicate_number = ?")
            .setParameter(1, duplicate.value())
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(
        new MergeRecord(
            duplicate,
            new MemberNumber((String) r[0]),
            ((Number) r[1]).longValue(),
            (String) r[2],
            (String) r[3],
            r[4] instanceof java.sql.Timestamp t
                ? t.toInstant()
                : ((java.time.OffsetDateTime) r[4]).toInstant()));
  }

  @jakarta.inject.Inject javax.sql.DataSource dataSource;

  /**
   * Plain JDBC with one array parameter: file chunks ask for thousands of members at a time, and a
   * JPQL {@code in} list would be a new statement text (and plan) with that many parameters.
   */
  @Override
  public java.util.Map<String, String> lastNames(java.util.Collection<String> numbers) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    if (numbers.isEmpty()) {
      return out;
    }
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "select member_number, last_name from accounts.member"
                    + " where member_number = any(?)")) {
      ps.setArray(1, Jdbc.array(c, "varchar", numbers.toArray()));
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read members' last names: " + e.getMessage(), e);
    }
    return out;
  }
}
