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

  /** What a person owns, as a means test counts it. */
  public enum AssetKind {
    DWELLING,
    LAND,
    VEHICLE,
    SAVINGS,
    LIVESTOCK,
    BUSINESS,
    OTHER
  }

  /** What a person consented to. */
  public enum ConsentPurpose {
    DATA_PROCESSING,
    DATA_SHARING,
    HOME_VISITS,
    CONTACT
  }

  /** A document seen of a person. */
  public enum DocumentKind {
    IDENTITY_CARD,
    PASSPORT,
    BIRTH_CERTIFICATE,
    DISABILITY_CERTIFICATE,
    PENSION_CERTIFICATE,
    OTHER
  }
}
