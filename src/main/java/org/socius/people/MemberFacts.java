package org.socius.people;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A household member as rules see them, read in bulk for a recertification: no names, only what a
 * programme's criteria may use. Income is the sum, in cents, of the months asked for; assets the
 * value, in cents, of what they owned on the date.
 */
public record MemberFacts(
    UUID householdId,
    UUID regionId,
    UUID municipalityId,
    LocalDate dateOfBirth,
    PeopleKinds.Sex sex,
    PeopleKinds.Relation relation,
    PeopleKinds.DisabilityDegree disabilityDegree,
    List<PeopleKinds.Category> categories,
    boolean statutorySupporter,
    long incomeCents,
    long assetsCents) {

  /**
   * What a bulk read fetches of each member beyond their household, relation and income: their
   * personal details (date of birth, sex, disability, categories) and what they own. A read without
   * personal details leaves those fields null (so {@link #ageOn} cannot be asked), and one without
   * assets gives zero: rules that name none of the facts drawn from them lose nothing.
   */
  public record Wanted(boolean personal, boolean assets) {
    public static final Wanted ALL = new Wanted(true, true);
  }

  /** A member who owns nothing of note. */
  public MemberFacts(
      UUID householdId,
      UUID regionId,
      UUID municipalityId,
      LocalDate dateOfBirth,
      PeopleKinds.Sex sex,
      PeopleKinds.Relation relation,
      PeopleKinds.DisabilityDegree disabilityDegree,
      List<PeopleKinds.Category> categories,
      boolean statutorySupporter,
      long incomeCents) {
    this(
        householdId,
        regionId,
        municipalityId,
        dateOfBirth,
        sex,
        relation,
        disabilityDegree,
        categories,
        statutorySupporter,
        incomeCents,
        0);
  }

  /** Age in whole years on a date. */
  public int ageOn(LocalDate date) {
    return java.time.Period.between(dateOfBirth, date).getYears();
  }
}
