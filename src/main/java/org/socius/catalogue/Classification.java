package org.socius.catalogue;

/**
 * The axes along which service types are classified (Romania's report, Czech law, FZ-442). Each
 * axis is an enum whose constants have a message key {@code catalogue.<axis>.<CONSTANT>}.
 */
public final class Classification {

  private Classification() {}

  /** What the service is for. */
  public enum Purpose {
    /** Food, shelter, hygiene: the basic needs of living. */
    BASIC_NEEDS,
    /** Help with the activities of daily living. */
    PERSONAL_CARE,
    /** Recovering abilities: physical, psychological, social. */
    REHABILITATION,
    /** Return to work, education and community life. */
    SOCIAL_INCLUSION,
    /** Advice: social, psychological, legal. */
    COUNSELLING,
    /** Preventing a crisis or the loss of independence. */
    PREVENTION,
    /** Immediate help in an emergency. */
    CRISIS_SUPPORT
  }

  /** Who the service is for. */
  public enum BeneficiaryCategory {
    ELDERLY,
    DISABLED,
    CHILDREN,
    FAMILIES,
    LOW_INCOME,
    HOMELESS,
    VIOLENCE_VICTIMS,
    ADDICTION,
    MENTAL_ILLNESS,
    CARERS
  }

  /** Whether the person lives at the service. */
  public enum Regime {
    /** The person lives in the facility. */
    RESIDENTIAL,
    /** The person lives at home. */
    NON_RESIDENTIAL
  }

  /** Where the service happens. */
  public enum Place {
    HOME,
    DAY_CENTRE,
    RESIDENTIAL_CENTRE,
    PROVIDER_PREMISES,
    COMMUNITY
  }

  /** How it reaches the person (the Czech law's forms). */
  public enum DeliveryForm {
    /** In a facility where the person stays. */
    RESIDENTIAL,
    /** The person comes to the provider. */
    AMBULATORY,
    /** The provider comes to the person. */
    FIELD
  }

  /** What one unit of the service is. */
  public enum Unit {
    HOUR,
    VISIT,
    DAY,
    PLACE_DAY,
    MEAL,
    SESSION,
    TRIP
  }

  /** The period a norm of volume counts over. */
  public enum NormPeriod {
    DAY,
    WEEK,
    MONTH,
    YEAR
  }
}
