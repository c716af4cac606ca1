package org.socius.people;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.socius.people.PeopleKinds.IncomeSource;
import org.socius.people.PeopleKinds.Relation;

/** A household as it was on a date: its members then, as they were then, and their incomes. */
public record Household(
    UUID id,
    UUID regionId,
    UUID municipalityId,
    String address,
    LocalDate on,
    List<Member> members,
    int version) {

  /**
   * A member on the date, with the person as recorded on that date, their incomes, and the value of
   * what they owned that day (in cents).
   */
  public record Member(
      Person person,
      Relation relation,
      boolean statutorySupporter,
      LocalDate memberFrom,
      LocalDate memberTo,
      List<Income> incomes,
      long assetsCents) {

    /** A member who owns nothing of note. */
    public Member(
        Person person,
        Relation relation,
        boolean statutorySupporter,
        LocalDate memberFrom,
        LocalDate memberTo,
        List<Income> incomes) {
      this(person, relation, statutorySupporter, memberFrom, memberTo, incomes, 0);
    }
  }

  /** One month's income of one kind. */
  public record Income(LocalDate month, IncomeSource source, BigDecimal amount) {}

  /** A member to add: the person, how they relate to the head, and since when. */
  public record NewMember(
      UUID personId, Relation relation, boolean statutorySupporter, LocalDate memberFrom) {}
}
