package org.openmiles.accounts.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openmiles.accounts.api.MemberCount;
import org.openmiles.accounts.api.MemberSearch;
import org.openmiles.accounts.infrastructure.MemberSearchConditions.Language;

class MemberSearchConditionsTest {

  @Test
  void oneWordMatchesTheStartOfTheLastOrTheFirstNameInBothLanguages() {
    var s = new MemberSearch("Tran", null, null, 51);
    var jpql = MemberSearchConditions.of(s, Language.JPQL);
    assertThat(jpql.where())
        .isEqualTo(
            "(lower(m.lastName) like ?1 escape '\\' or lower(m.firstName) like ?2 escape '\\')");
    assertThat(jpql.params()).containsExactly("tran%", "tran%");
    var sql = MemberSearchConditions.of(s, Language.SQL);
    assertThat(sql.where())
        .isEqualTo(
            "(lower(m.last_name) like ? escape '\\' or lower(m.first_name) like ? escape '\\')");
    assertThat(sql.params()).isEqualTo(jpql.params());
  }

  @Test
  void twoWordsAreLastFirstOrFirstLast() {
    var sql =
        MemberSearchConditions.of(new MemberSearch(" Tran  Thu ", null, null, 1), Language.SQL);
    assertThat(sql.where())
        .isEqualTo(
            "((lower(m.last_name) like ? escape '\\' and lower(m.first_name) like ? escape '\\')"
                + " or (lower(m.first_name) like ? escape '\\' and lower(m.last_name) like ? escape '\\'))");
    assertThat(sql.params()).containsExactly("tran%", "thu%", "tran%", "thu%");
  }

  @Test
  void emailIsExactWithoutCaseAndPhoneIsComparedAsStored() {
    var c =
        MemberSearchConditions.of(
            new MemberSearch(null, " Thu@Example.org ", "+84 90 555 1234", 1), Language.JPQL);
    assertThat(c.where()).isEqualTo("lower(m.email) = ?1 and m.phone = ?2");
    assertThat(c.params()).containsExactly("thu@example.org", "+84905551234");
  }

  @Test
  void wildcardsInANameStandForThemselves() {
    var c = MemberSearchConditions.of(new MemberSearch("o_b%", null, null, 1), Language.SQL);
    assertThat(c.params()).containsExactly("o\\_b\\%%", "o\\_b\\%%");
  }

  @Test
  void aCountAboveTheCapSaysOnlyThatThereAreMore() {
    assertThat(MemberCount.upToCap(0)).isEqualTo(new MemberCount(0, false));
    assertThat(MemberCount.upToCap(1_234)).isEqualTo(new MemberCount(1_234, false));
    assertThat(MemberCount.upToCap(MemberCount.CAP)).isEqualTo(new MemberCount(10_000, false));
    assertThat(MemberCount.upToCap(MemberCount.CAP + 1)).isEqualTo(new MemberCount(10_000, true));
    assertThatThrownBy(() -> new MemberCount(12, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MemberCount(-1, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
