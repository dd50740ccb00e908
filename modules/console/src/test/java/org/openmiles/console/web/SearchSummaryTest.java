package org.openmiles.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.MemberCount;

class SearchSummaryTest {

  @Test
  void allFoundAreCounted() {
    assertThat(SearchBean.summary(1, false, null, "email")).isEqualTo("1 member by email");
    assertThat(SearchBean.summary(3, false, null, "name")).isEqualTo("3 members by name");
  }

  @Test
  void aCutOffSearchSaysOfHowManyWithThousandSeparatorsAndHowToNarrowIt() {
    assertThat(SearchBean.summary(50, true, new MemberCount(1_234, false), "name"))
        .startsWith("Showing the first 50 of 1,234 members by name \u2014 narrow the search: ")
        .contains("add the first name");
    assertThat(SearchBean.summary(50, true, new MemberCount(60, false), "phone"))
        .startsWith("Showing the first 50 of 60 members by phone")
        .contains("search by member number");
  }

  @Test
  void aCountAtItsCapSaysMoreThan() {
    assertThat(SearchBean.summary(50, true, MemberCount.upToCap(10_001), "name"))
        .startsWith("Showing the first 50 of more than 10,000 members by name");
  }

  @Test
  void withoutACountOrWithAStaleOneItStillSaysThereAreMore() {
    assertThat(SearchBean.summary(50, true, null, "name"))
        .startsWith("Showing the first 50 members by name \u2014 narrow");
    // members merged between the two reads: never "the first 50 of 49"
    assertThat(SearchBean.summary(50, true, new MemberCount(49, false), "name"))
        .startsWith("Showing the first 50 of 51 members");
  }
}
