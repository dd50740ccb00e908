package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.events.MemberEnrolled;
import org.openmiles.retention.api.Channel;
import org.openmiles.retention.api.ConsentSource;
import org.openmiles.retention.api.Consents;
import org.openmiles.retention.api.RecordConsent;

/**
 * The enrollment form's marketing consent becomes the member's consent to e-mail (source {@code
 * ENROLLMENT}, principal {@code enrollment}), in the enrollment's own transaction. Without the box
 * ticked nothing is recorded: no decision means no consent. Other channels need the member's own
 * decision (the app, the contact centre).
 */
@ApplicationScoped
public class ConsentOnEnrollment {
  static final String PRINCIPAL = "enrollment";

  @Inject MemberService members;
  @Inject Consents consents;

  void onEnrolled(@Observes MemberEnrolled enrolled) {
    if (members.get(enrolled.member()).marketingConsent()) {
      consents.record(
          new RecordConsent(
              enrolled.member(), Channel.EMAIL, true, ConsentSource.ENROLLMENT, PRINCIPAL));
    }
  }
}
