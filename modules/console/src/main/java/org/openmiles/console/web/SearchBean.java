package org.openmiles.console.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmiles.accounts.api.MemberCount;
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
 * MemberSearchDetails}). When more match than are shown, a count (capped, {@link
 * MemberService#count}) says how many: "Showing the first 50 of 1,234 members".
 */
@Named
@ViewScoped
public class SearchBean implements Serializable {
  static final int LIMIT = 50;
  private static final Logger LOG = Logger.getLogger(SearchBean.class.getName());

  @Inject MemberService members;
  @Inject CurrentUser currentUser;
  @Inject MemberSearchDetails searchDetails;
  @Inject AirlineTime airlineTime;
  @Inject Show show;

  private String query;
  private List<MemberView> results = List.of();
  private String searchedAs = "";
  private boolean more;
  private MemberCount total;
  private Map<MemberNumber, Detail> details = Map.of();

  public void search() throws IOException {
    String q = query == null ? "" : query.strip();
    results = List.of();
    details = Map.of();
    more = false;
    total = null;
    MemberSearch asked = null;
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
        asked = new MemberSearch(null, q, null, LIMIT + 1);
      } else if (q.replaceAll("[^0-9]", "").length() >= 6 && q.matches("[+0-9 ()./-]+")) {
        searchedAs = "phone";
        asked = new MemberSearch(null, null, q, LIMIT + 1);
      } else {
        searchedAs = "name";
        asked = new MemberSearch(q, null, null, LIMIT + 1);
      }
      if (asked != null) {
        results = members.search(asked);
      }
    } catch (RuntimeException e) {
      Messages.refused("Search", e);
      return;
    }
    // one more than shown tells whether there are more, without counting them all
    more = results.size() > LIMIT;
    if (more) {
      results = results.subList(0, LIMIT);
      total = count(asked);
    }
    details = searchDetails.of(results, airlineTime.today());
    if (results.isEmpty()) {
      Messages.warn(
          "No member found by " + searchedAs + " \"" + q + "\".",
          "Check the spelling, or try another detail: member number, last name, email or phone.");
    }
  }

  /** How many match, or null if accounts could not count them: the results still show. */
  private MemberCount count(MemberSearch asked) {
    try {
      return members.count(asked);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "member search: no count", e);
      return null;
    }
  }

  /** "3 members by name", or "Showing the first 50 of 1,234 members by name — narrow ...". */
  public String getSummary() {
    return summary(results.size(), more, total, searchedAs);
  }

  /**
   * The line above the results: how many are shown, and when that is not all, of how many (with
   * thousand separators, "more than 10,000" above the count's cap) and how to narrow the search.
   */
  static String summary(int shown, boolean more, MemberCount total, String searchedAs) {
    if (!more) {
      return shown + (shown == 1 ? " member" : " members") + " by " + searchedAs;
    }
    String of;
    if (total == null) {
      of = "";
    } else if (total.more()) {
      of = " of more than " + Show.grouped(total.count());
    } else {
      // the count is a second read: members enrolled or merged in between must not make it "of 50"
      of = " of " + Show.grouped(Math.max(total.count(), shown + 1L));
    }
    return "Showing the first "
        + shown
        + of
        + " members by "
        + searchedAs
        + " \u2014 narrow the search: "
        + ("name".equals(searchedAs)
            ? "type more of the last name, add the first name (\"tran thu\"), or search by"
                + " member number, email or phone."
            : "search by member number, or by name with the first name too (\"tran thu\").");
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
