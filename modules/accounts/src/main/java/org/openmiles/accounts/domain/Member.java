package org.openmiles.accounts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.openmiles.accounts.api.InvalidStatusChangeException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.common.text.Texts;

/**
 * A frequent-flyer member: identity, contact, consent and status. Miles are not here: the ledger
 * owns them (see {@code MilesLedger}), so a profile edit never contends with a posting.
 */
@Entity
@Table(name = "member", schema = "accounts")
public class Member {

  @Id
  @SequenceGenerator(
      name = "member_id",
      schema = "accounts",
      sequenceName = "member_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_id")
  private Long id;

  @Column(name = "member_number", nullable = false, updatable = false, length = 10)
  private String memberNumber;

  @Column(name = "enrollment_key", updatable = false)
  private String enrollmentKey;

  @Column(name = "enrollment_fingerprint", updatable = false)
  private String enrollmentFingerprint;

  @Column(name = "first_name", nullable = false)
  private String firstName;

  @Column(name = "last_name", nullable = false)
  private String lastName;

  @Column(nullable = false)
  private String email;

  private String phone;

  @Column(name = "birth_date", nullable = false)
  private LocalDate birthDate;

  @Column(nullable = false, length = 2)
  private String country;

  @Column(name = "marketing_consent", nullable = false)
  private boolean marketingConsent;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MemberStatus status;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "enrolled_at", nullable = false, updatable = false)
  private Instant enrolledAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "merged_into", length = 10)
  private String mergedInto;

  @Version private long version;

  protected Member() {}

  public Member(MemberNumber number, MemberProfile profile, String enrollmentKey, Instant now) {
    this.memberNumber = number.value();
    this.enrollmentKey = enrollmentKey;
    this.enrollmentFingerprint = profile.fingerprint().hex();
    apply(profile);
    this.status = MemberStatus.ACTIVE;
    this.enrolledAt = now;
    this.updatedAt = now;
  }

  public void apply(MemberProfile p) {
    this.firstName = p.firstName();
    this.lastName = p.lastName();
    this.email = p.email();
    this.phone = p.phone();
    this.birthDate = p.birthDate();
    this.country = p.country();
    this.marketingConsent = p.marketingConsent();
  }

  public void touch(Instant now) {
    this.updatedAt = now;
  }

  /** Moves to {@code target}; staying in the same status is refused so no change goes unnoticed. */
  public MemberStatus changeStatus(MemberStatus target, String reason, Instant now) {
    if (mergedInto != null) {
      throw new InvalidStatusChangeException(
          "member "
              + memberNumber
              + " was merged into "
              + mergedInto
              + " and stays closed; work with "
              + mergedInto
              + " instead");
    }
    if (target == status) {
      throw new InvalidStatusChangeException("member " + memberNumber + " is already " + status);
    }
    MemberStatus from = status;
    this.status = target;
    this.statusReason = reason;
    this.updatedAt = now;
    return from;
  }

  /** Closes this member as a duplicate merged into {@code survivor}; returns the former status. */
  public MemberStatus mergeInto(MemberNumber survivor, String reason, Instant now) {
    MemberStatus from = status;
    this.status = MemberStatus.CLOSED;
    this.statusReason = Texts.truncate(reason, 200);
    this.mergedInto = survivor.value();
    this.updatedAt = now;
    return from;
  }

  public java.util.Optional<MemberNumber> mergedInto() {
    return java.util.Optional.ofNullable(mergedInto).map(MemberNumber::new);
  }

  /**
   * This member as the answer to a repeated enrollment request with its Idempotency-Key: itself if
   * {@code profile} is what its enrollment request said (not what it says now).
   *
   * @throws org.openmiles.common.idempotency.IdempotencyKeyReusedException if it is another
   */
  public Member replayedFor(MemberProfile profile, String idempotencyKey) {
    return profile
        .fingerprint()
        .replay(
            this,
            enrollmentFingerprint,
            () ->
                "Idempotency-Key "
                    + idempotencyKey
                    + " was used for another enrollment ("
                    + number()
                    + "); use a new key for a new member");
  }

  public MemberProfile profile() {
    return new MemberProfile(
        firstName, lastName, email, phone, birthDate, country, marketingConsent);
  }

  public Long id() {
    return id;
  }

  public MemberNumber number() {
    return new MemberNumber(memberNumber);
  }

  public MemberStatus status() {
    return status;
  }

  public String email() {
    return email;
  }

  public MemberView view() {
    return new MemberView(
        number(),
        firstName,
        lastName,
        email,
        phone,
        birthDate,
        country,
        marketingConsent,
        status,
        statusReason,
        enrolledAt,
        updatedAt,
        mergedInto == null ? null : new MemberNumber(mergedInto));
  }
}
