package org.socius.demo;

import static org.socius.catalogue.Classification.BeneficiaryCategory.CARERS;
import static org.socius.catalogue.Classification.BeneficiaryCategory.CHILDREN;
import static org.socius.catalogue.Classification.BeneficiaryCategory.DISABLED;
import static org.socius.catalogue.Classification.BeneficiaryCategory.ELDERLY;
import static org.socius.catalogue.Classification.BeneficiaryCategory.FAMILIES;
import static org.socius.catalogue.Classification.BeneficiaryCategory.HOMELESS;
import static org.socius.catalogue.Classification.BeneficiaryCategory.LOW_INCOME;
import static org.socius.catalogue.Classification.BeneficiaryCategory.MENTAL_ILLNESS;
import static org.socius.catalogue.Classification.BeneficiaryCategory.VIOLENCE_VICTIMS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.Classification.BeneficiaryCategory;
import org.socius.catalogue.Classification.DeliveryForm;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.Classification.Place;
import org.socius.catalogue.Classification.Purpose;
import org.socius.catalogue.Classification.Regime;
import org.socius.catalogue.Classification.Unit;
import org.socius.catalogue.ServiceType;
import org.socius.catalogue.ServiceTypeDetails;
import org.socius.catalogue.StandardDetails;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Component;

/**
 * A realistic national catalogue: the services the reports name (home care up to 8 hours a day, day
 * care, residential care, hot meals, counselling, rehabilitation, social taxi, respite care,
 * emergency shelter and more), each with a standard and a tariff in both regions.
 */
@Component
class DemoCatalogue {

  private final Catalogue catalogue;

  DemoCatalogue(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  private record Entry(
      String code,
      String name,
      Purpose purpose,
      Set<BeneficiaryCategory> who,
      Regime regime,
      Set<Place> places,
      DeliveryForm form,
      Unit unit,
      String maxUnits,
      NormPeriod period,
      String frequency,
      Integer minutes,
      String content,
      String staff,
      String quality,
      String cost,
      String northPrice,
      String southPrice) {}

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              "HOME-CARE",
              "Home care",
              Purpose.PERSONAL_CARE,
              Set.of(ELDERLY, DISABLED),
              Regime.NON_RESIDENTIAL,
              Set.of(Place.HOME),
              DeliveryForm.FIELD,
              Unit.HOUR,
              "8",
              NormPeriod.DAY,
              "daily, weekly or monthly visits",
              60,
              "Help with washing, dressing, meals, medication reminders, shopping and housework.",
              "Care worker with a certificate in personal care",
              "Visits on time; client satisfaction; no falls or pressure sores",
              "9.50",
              "9.80",
              "8.90"),
          new Entry(
              "DAY-CARE",
              "Day care centre",
              Purpose.PERSONAL_CARE,
              Set.of(ELDERLY, DISABLED),
              Regime.NON_RESIDENTIAL,
              Set.of(Place.DAY_CENTRE),
              DeliveryForm.AMBULATORY,
              Unit.DAY,
              "22",
              NormPeriod.MONTH,
              "working days",
              480,
              "Supervised day programme with meals, activities, personal care and transport.",
              "Social worker, care workers (1 per 8 clients)",
              "Individual plan reviewed every 6 months",
              "38.00",
              "39.50",
              "36.00"),
          new Entry(
              "RES-CARE",
              "Residential care home",
              Purpose.PERSONAL_CARE,
              Set.of(ELDERLY, DISABLED),
              Regime.RESIDENTIAL,
              Set.of(Place.RESIDENTIAL_CENTRE),
              DeliveryForm.RESIDENTIAL,
              Unit.PLACE_DAY,
              "31",
              NormPeriod.MONTH,
              "continuous",
              null,
              "Accommodation, meals, 24-hour care, health monitoring and social activities.",
              "Nurse on duty, care workers, social worker",
              "Minimum quality standards; inspection rating",
              "62.00",
              "64.00",
              "58.00"),
          new Entry(
              "HOT-MEALS",
              "Hot meals",
              Purpose.BASIC_NEEDS,
              Set.of(ELDERLY, LOW_INCOME),
              Regime.NON_RESIDENTIAL,
              Set.of(Place.HOME, Place.COMMUNITY),
              DeliveryForm.FIELD,
              Unit.MEAL,
              "31",
              NormPeriod.MONTH,
              "one meal a day",
              null,
              "A hot lunch delivered at home or served in a community canteen.",
              "Food hygiene certificate",
              "Hot on delivery; menu approved by a dietitian",
              "4.20",
              "4.40",
              "3.90"),
          new Entry(
              "COUNSEL",
              "Social counselling",
              Purpose.COUNSELLING,
              Set.of(FAMILIES, LOW_INCOME, DISABLED),
              Regime.NON_RESIDENTIAL,
              Set.of(Place.PROVIDER_PREMISES, Place.HOME),
              DeliveryForm.AMBULATORY,
              Unit.SESSION,
              "8",
              NormPeriod.MONTH,
              "as agreed in the plan",
              60,
              "Advice on rights, benefits and services; help with applications.",
              "Social worker with a degree",
              "Written summary of each session",
              "18.00",
              "18.00",
              "17.00"),
          new Entry(
              "PSY-SUPPORT",
              "Psychological support",
              Purpose.COUNSELLING,
              Set.of(VIOLENCE_VICTIMS, MENTAL_ILLNESS, FAMILIES),
              Regime.NON_RESIDENTIAL,
              Set.of(Place.PROVIDER_PREMISES),
              DeliveryForm.AMBULATORY,
              Unit.SESSION,
              "4",
              NormPeriod.MONTH,
              "weekly",
              50,
              "Individual or group sessions with a psychologist.",
              "Licensed psychologist",
              "Outcome measured with a standard scale",
              "30.00",
              "31.00",
              "28.00"),
          new Entry(
              "REHAB",
              "Social rehabilitation",
              Purpose.REHABILITATION,
              Set.of(DISABLED, MENTAL_ILLNESS),
              Regime.NON_RESIDENTIAL,
              Set.of(Place.DAY_CENTRE, Place.PROVIDER_PREMISES),
              DeliveryForm.AMBULATORY,
              Unit.HOUR,
              "40",
              NormPeriod.MONTH,
              "two to five times a week",
              60,
              "Training in daily living skills, mobility, communication and work habits.",
              "Occupational therapist, social pedagogue",
              "Goals of the individual plan reached",
              "16.00",
              "16.50",
              "15.00"),
          new Entry(
              "SOC-TAXI",
              "Social taxi",
              Purpose.SOCIAL_INCLUSION,
              Set.of(DISABLED, ELDERLY),
              Regime.NON_RESIDENTIAL,
              Set.of(Place.COMMUNITY),
              DeliveryForm.FIELD,
              Unit.TRIP,
              "8",
              NormPeriod.MONTH,
              "on request, booked a day ahead",
              null,
              "Accessible transport to medical, social and public services.",
              "Driver trained in assisting people with disabilities",
              "Punctuality; accessible vehicle",
              "7.50",
              "7.50",
              "7.00"),
          new Entry(
              "RESPITE",
              "Respite care",
              Purpose.PREVENTION,
              Set.of(CARERS, DISABLED, ELDERLY),
              Regime.RESIDENTIAL,
              Set.of(Place.RESIDENTIAL_CENTRE, Place.HOME),
              DeliveryForm.RESIDENTIAL,
              Unit.DAY,
              "30",
              NormPeriod.YEAR,
              "up to 30 days a year",
              null,
              "Short stays that give family carers a rest.",
              "Care workers, nurse available",
              "Carer satisfaction; continuity of the care plan",
              "55.00",
              "57.00",
              "52.00"),
          new Entry(
              "SHELTER",
              "Emergency shelter",
              Purpose.CRISIS_SUPPORT,
              Set.of(HOMELESS, VIOLENCE_VICTIMS),
              Regime.RESIDENTIAL,
              Set.of(Place.RESIDENTIAL_CENTRE),
              DeliveryForm.RESIDENTIAL,
              Unit.PLACE_DAY,
              "90",
              NormPeriod.YEAR,
              "immediate admission, day and night",
              null,
              "Safe bed, food, hygiene and referral to longer-term help.",
              "Staff on duty around the clock, social worker",
              "Admission within 24 hours of the request",
              "28.00",
              "29.00",
              "26.00"),
          new Entry(
              "EARLY-INT",
              "Early intervention for young children",
              Purpose.REHABILITATION,
              Set.of(CHILDREN, FAMILIES, DISABLED),
              Regime.NON_RESIDENTIAL,
              Set.of(Place.HOME, Place.PROVIDER_PREMISES),
              DeliveryForm.FIELD,
              Unit.VISIT,
              "8",
              NormPeriod.MONTH,
              "weekly home visits",
              90,
              "Family-centred support for children under 7 with a disability or developmental delay.",
              "Early intervention specialist",
              "Family plan reviewed every 3 months",
              "35.00",
              "36.00",
              "33.00"),
          new Entry(
              "PERS-ASSIST",
              "Personal assistance",
              Purpose.SOCIAL_INCLUSION,
              Set.of(DISABLED),
              Regime.NON_RESIDENTIAL,
              Set.of(Place.HOME, Place.COMMUNITY),
              DeliveryForm.FIELD,
              Unit.HOUR,
              "160",
              NormPeriod.MONTH,
              "as the client directs",
              60,
              "An assistant chosen and directed by the person, at home, at work and outside.",
              "Personal assistant trained by the provider",
              "Client controls the schedule; satisfaction",
              "10.50",
              "11.00",
              "10.00"));

  void load(TerritoryUnit north, TerritoryUnit south) {
    LocalDate from = LocalDate.now().withDayOfYear(1);
    for (Entry e : ENTRIES) {
      ServiceType type =
          catalogue.defineServiceType(
              new ServiceTypeDetails(
                  e.code(),
                  e.name(),
                  e.content(),
                  e.purpose(),
                  e.who(),
                  e.regime(),
                  e.places(),
                  e.form(),
                  true));
      catalogue.addStandard(
          type.id(),
          new StandardDetails(
              from,
              e.content(),
              e.unit(),
              new BigDecimal(e.maxUnits()),
              e.period(),
              e.frequency(),
              e.minutes(),
              e.staff(),
              e.quality(),
              new BigDecimal(e.cost())));
      catalogue.setTariff(type.id(), north.id(), new BigDecimal(e.northPrice()), from, null);
      catalogue.setTariff(type.id(), south.id(), new BigDecimal(e.southPrice()), from, null);
    }
  }
}
