package org.openmiles.retention.domain;

/**
 * The two sets of fact tables: the kept facts, and the scratch copies the rebuild fills to compare
 * with them. Table names are constants, never input.
 */
public enum FactTables {
  LIVE("retention.member_fact", "retention.member_day", "retention.member_partner_category"),
  REBUILD(
      "retention.rebuild_member_fact",
      "retention.rebuild_member_day",
      "retention.rebuild_member_partner_category");

  private final String facts;
  private final String days;
  private final String categories;

  FactTables(String facts, String days, String categories) {
    this.facts = facts;
    this.days = days;
    this.categories = categories;
  }

  public String facts() {
    return facts;
  }

  public String days() {
    return days;
  }

  public String categories() {
    return categories;
  }
}
