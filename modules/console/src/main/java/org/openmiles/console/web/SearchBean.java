package org.openmiles.console.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberSearch;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.console.application.MemberSearchDetails;
import org.openmiles.console.application.MemberSearchDetails.Detail;
import org.openmiles.console.domain.Masking;

/**
 * Member search from one box: a valid member number opens the member at once; text with an
 * {@code @} is an email, mostly digits a phone number, anything else a name ("tran", "tran thu",
 * "thu tran"). Each is one indexed lookup in accounts ({@link MemberService#search}). Each member
 * found shows birth date, tier and balance, to tell members of the same name apart ({@link
 * MemberSearchDetails}).
 */
@Named
@ViewScoped
public class SearchBean implements Serializable {
  static final int LIMIT = 50;

  @Inject MemberService members;
  @Inject CurrentUser currentUser;
  @Inject MemberSearchDetails searchDetails;
  @Inject AirlineTime airlineTime;
  @Inject Show show;

  private String query;
  private List<MemberView> results = List.of();
  private String searchedAs = "";
  private boolean more;
  private Map<MemberNumber, Detail> details = Map.of();

  public void search() throws IOException {
    String q = query == null ? "" : query.strip();
    results = List.of();
    details = Map.of();
    more = false;
    if (q.isEmpty()) {
      Messages.warn(
          "Type something to search for.", "A member number, a name, an email or a phone.");
      return;
    }
    try {
      if (q.replace(" ", "").matches("\\d{10}") && MemberNumber.isValid(q.replace(" ", ""))) {
        var found = members.find(new MemberNumber(q.replace(" ", "")));
        if (found.isPresent()) {
          // a merged duplicate leads to the member it was merged into
          MemberView m = found.get();
          var ec = FacesContext.getCurrentInstance().getExternalContext();
          ec.redirect(
              ec.getRequestContextPath()
                  + "/console/member.xhtml?number="
                  + (m.mergedInto() == null
                      ? m.number()
                      : m.mergedInto() + "&mergedFrom=" + m.number()));
          return;
        }
        searchedAs = "member number";
      } else if (q.contains("@")) {
        searchedAs = "email";
        results = members.search(new MemberSearch(null, q, null, LIMIT + 1));
      } else if (q.replaceAll("[^0-9]", "").length() >= 6 && q.matches("[+0-9 ()./-]+")) {
        searchedAs = "phone";
        results = members.search(new MemberSearch(null, null, q, LIMIT + 1));
      } else {
        searchedAs = "name";
        results = members.search(new MemberSearch(q, null, null, LIMIT + 1));
      }
    } catch (RuntimeException e) {
      Messages.refused("Search", e);
      return;
    }
    // one more than shown tells whether there are more, without counting them all
    more = results.size() > LIMIT;
    if (more) {
      results = results.subList(0, LIMIT);
    }
    details = searchDetails.of(results, airlineTime.today());
    if (results.isEmpty()) {
      Messages.warn(
          "No member found by " + searchedAs + " \"" + q + "\".",
          "Check the spelling, or try another detail: member number, last name, email or phone.");
    }
  }

  /** "3 members by name", or "The first 50 members by name; more match: ..." when cut off. */
  public String getSummary() {
    if (more) {
      return "The first "
          + LIMIT
          + " members by "
          + searchedAs
          + "; more match: type more of it (for a name, the first name too) to narrow the search.";
    }
    return results.size() + (results.size() == 1 ? " member" : " members") + " by " + searchedAs;
  }

  public boolean isMore() {
    return more;
  }

  /** The member's tier today, or a dash when the tiers module did not answer. */
  public String tier(MemberView m) {
    Detail d = details.get(m.number());
    return d == null || d.tierName() == null ? "\u2013" : d.tierName();
  }

  /** The member's balance in miles, or a dash when the ledger did not answer. */
  public String balance(MemberView m) {
    Detail d = details.get(m.number());
    return d == null || d.balance() == null ? "\u2013" : show.number(d.balance());
  }

  public String email(MemberView m) {
    return currentUser.isSupervisor() ? m.email() : Masking.email(m.email());
  }

  public String phone(MemberView m) {
    return currentUser.isSupervisor() ? m.phone() : Masking.phone(m.phone());
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public List<MemberView> getResults() {
    return results;
  }

  public String getSearchedAs() {
    return searchedAs;
  }
}
