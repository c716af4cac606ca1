package org.socius.people;

/** The closed lists the register of people uses. */
public final class PeopleKinds {

  private PeopleKinds() {}

  public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
  }

  /** Degree of disability as the medical-social assessment sets it; CHILD for disabled children. */
  public enum DisabilityDegree {
    I,
    II,
    III,
    CHILD
  }

  /** Categories programmes and services look at. */
  public enum Category {
    ELDERLY,
    DISABLED,
    ORPHAN,
    EXTREME_POVERTY,
    LOW_INCOME,
    LARGE_FAMILY,
    SINGLE_PARENT,
    VETERAN,
    UNEMPLOYED
  }

  /** How a member relates to the household's head. */
  public enum Relation {
    HEAD,
    SPOUSE,
    CHILD,
    PARENT,
    GRANDPARENT,
    GRANDCHILD,
    SIBLING,
    OTHER_RELATIVE,
    OTHER
  }

  public enum IncomeSource {
    WAGES,
    PENSION,
    BENEFIT,
    ALIMONY,
    SELF_EMPLOYMENT,
    AGRICULTURE,
    RENT,
    OTHER
  }
}
