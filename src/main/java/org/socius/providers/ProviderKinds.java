package org.socius.providers;

/** The closed lists of the register; each constant has a message key in the bundles. */
public final class ProviderKinds {

  private ProviderKinds() {}

  /** The legal form of a provider (Czech and Romanian registers distinguish these). */
  public enum ProviderType {
    STATE_INSTITUTION,
    MUNICIPAL_BODY,
    NGO,
    RELIGIOUS_ORGANISATION,
    COMPANY,
    INDIVIDUAL_ENTREPRENEUR;

    /**
     * Whether the state owns it outright; the register's share of non-state providers counts the
     * others.
     */
    public boolean isState() {
      return this == STATE_INSTITUTION || this == MUNICIPAL_BODY;
    }
  }

  /** Who founded a provider; a state founder behind an NGO is how "formal compliance" shows. */
  public enum FounderType {
    PRIVATE_PERSON,
    NGO,
    RELIGIOUS_ORGANISATION,
    COMPANY,
    MINISTRY,
    REGION,
    MUNICIPALITY;

    public boolean isState() {
      return this == MINISTRY || this == REGION || this == MUNICIPALITY;
    }
  }

  /** Where an application stands. */
  public enum ApplicationStatus {
    /** Being prepared by the provider; the region does not see it yet. */
    DRAFT,
    /** Submitted and under review; the statutory deadline runs. */
    SUBMITTED,
    /** The officer asked for more information; the provider answers. */
    INFORMATION_REQUESTED,
    /** Every service applied for has a decision. */
    DECIDED,
    /** The provider appealed a refusal; the region reviews it again. */
    APPEALED
  }

  /** The decision on one service of an application. */
  public enum Decision {
    PENDING,
    ADMITTED,
    REFUSED
  }

  /** Why a service is refused; the officer adds words of their own. */
  public enum RefusalReason {
    INCOMPLETE_DOCUMENTS,
    STANDARD_NOT_MET,
    STAFF_NOT_QUALIFIED,
    PREMISES_UNSUITABLE,
    LICENCE_MISSING,
    FALSE_INFORMATION,
    OTHER
  }

  /** The documents an application carries. */
  public enum DocumentKind {
    STATUTE,
    REGISTRATION_CERTIFICATE,
    LICENCE,
    PREMISES,
    STAFF_QUALIFICATIONS,
    OTHER
  }

  /** What makes a service point usable by people with disabilities. */
  public enum Accessibility {
    STEP_FREE_ACCESS,
    ACCESSIBLE_TOILET,
    HEARING_LOOP,
    BRAILLE_SIGNAGE,
    ACCESSIBLE_PARKING
  }

  /** Whether a registered service is in the register's active part. */
  public enum RegisteredStatus {
    ACTIVE,
    SUSPENDED,
    EXCLUDED
  }

  /** What a change request changes. */
  public enum ChangeKind {
    CAPACITY,
    SERVICE_POINT
  }

  /** Where a change request stands. */
  public enum ChangeStatus {
    SUBMITTED,
    APPROVED,
    REFUSED
  }
}
