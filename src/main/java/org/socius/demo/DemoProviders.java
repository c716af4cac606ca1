package org.socius.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.socius.accounts.UserAccount;
import org.socius.catalogue.Catalogue;
import org.socius.platform.security.Actor;
import org.socius.providers.Application;
import org.socius.providers.Licence;
import org.socius.providers.Provider;
import org.socius.providers.ProviderDetails;
import org.socius.providers.ProviderKinds.Accessibility;
import org.socius.providers.ProviderKinds.DocumentKind;
import org.socius.providers.ProviderKinds.FounderType;
import org.socius.providers.ProviderKinds.ProviderType;
import org.socius.providers.ProviderProfiles;
import org.socius.providers.RegisterApplications;
import org.socius.providers.ServiceDecision;
import org.socius.providers.ServicePoint;
import org.socius.providers.ServicePointDetails;
import org.socius.providers.StaffGroup;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Component;

/**
 * A register to look at: state, municipal, church and NGO providers (one of them an "NGO" founded
 * by a municipality), each admitted through the same application workflow a real provider follows,
 * and one application still waiting for the northern officer.
 */
@Component
class DemoProviders {

  private static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
              + "trailer<</Root 1 0 R>>\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  private final ProviderProfiles profiles;
  private final RegisterApplications applications;
  private final Catalogue catalogue;

  DemoProviders(ProviderProfiles profiles, RegisterApplications applications, Catalogue catalogue) {
    this.profiles = profiles;
    this.applications = applications;
    this.catalogue = catalogue;
  }

  /** A provider to create: who, where, which services at which point. */
  private record Seed(
      String login,
      String name,
      ProviderType type,
      TerritoryUnit municipality,
      Map<String, FounderType> founders,
      String pointName,
      String address,
      double lat,
      double lon,
      int capacity,
      List<String> services,
      boolean decide) {}

  void load(
      Map<String, TerritoryUnit> places,
      UserAccount staff,
      UserAccount northOfficer,
      UserAccount southOfficer,
      BiFunction<String, UUID, UserAccount> staffAccount) {
    List<Seed> seeds =
        List.of(
            new Seed(
                "harbour",
                "Harbour Care Association",
                ProviderType.NGO,
                places.get("NV-N-01"),
                Map.of(
                    "Anna Fischer",
                    FounderType.PRIVATE_PERSON,
                    "Harbour Volunteers Club",
                    FounderType.NGO),
                "Harbour Day Centre",
                "12 Quay Street, Harbour City",
                54.7104,
                20.4522,
                60,
                List.of("HOME-CARE", "DAY-CARE", "HOT-MEALS"),
                true),
            new Seed(
                "carehome",
                "Northern Regional Care Home",
                ProviderType.STATE_INSTITUTION,
                places.get("NV-N-03"),
                Map.of("Northern Region", FounderType.REGION),
                "Lakeside Residence",
                "1 Birch Alley, Lakeside",
                54.9301,
                21.2001,
                120,
                List.of("RES-CARE", "RESPITE"),
                true),
            new Seed(
                "parish",
                "St Nicholas Parish Charity",
                ProviderType.RELIGIOUS_ORGANISATION,
                places.get("NV-N-02"),
                Map.of("Parish of St Nicholas", FounderType.RELIGIOUS_ORGANISATION),
                "Parish Hall",
                "3 Church Square, Pinewood",
                54.6502,
                21.0103,
                40,
                List.of("HOT-MEALS", "SHELTER"),
                true),
            new Seed(
                "southcentre",
                "Southern Social Services Centre",
                ProviderType.MUNICIPAL_BODY,
                places.get("NV-S-01"),
                Map.of("Riverside City", FounderType.MUNICIPALITY),
                "Riverside Centre",
                "45 Mill Road, Riverside City",
                53.2001,
                22.5102,
                80,
                List.of("HOME-CARE", "COUNSEL", "SOC-TAXI"),
                true),
            new Seed(
                "family",
                "Riverside Family Support",
                ProviderType.NGO,
                places.get("NV-S-01"),
                Map.of("Riverside City", FounderType.MUNICIPALITY),
                "Family House",
                "7 Willow Lane, Riverside City",
                53.2055,
                22.5210,
                30,
                List.of("PSY-SUPPORT", "EARLY-INT"),
                true),
            new Seed(
                "lakeside",
                "Lakeside Helping Hands",
                ProviderType.NGO,
                places.get("NV-N-03"),
                Map.of("Maria Lind", FounderType.PRIVATE_PERSON),
                "Helping Hands Office",
                "9 Shore Road, Lakeside",
                54.9350,
                21.2100,
                25,
                List.of("SOC-TAXI", "PERS-ASSIST"),
                false));
    for (Seed seed : seeds) {
      boolean north = seed.municipality().regionId().equals(places.get("NV-N").id());
      UserAccount officer = north ? northOfficer : southOfficer;
      Provider provider =
          profiles.create(
              new ProviderDetails(
                  seed.name(),
                  seed.type(),
                  "REG-" + Math.abs(seed.name().hashCode() % 100000),
                  "",
                  seed.address(),
                  "",
                  "+000 100 200",
                  ""),
              seed.municipality().regionId());
      // The first demo provider is the one the demo provider staff work for; the others get
      // staff accounts of their own (staff.<login>, same demo password).
      UserAccount member =
          seed == seeds.getFirst()
              ? staff
              : staffAccount.apply("staff." + seed.login(), seed.municipality().regionId());
      profiles.addMember(provider.id(), member.id());
      Actor providerActor = DemoActors.of(member);
      Application submitted =
          DemoActors.as(
              providerActor,
              () -> {
                profiles.setFounders(
                    provider.id(),
                    seed.founders().entrySet().stream()
                        .map(f -> new Provider.Founder(null, f.getKey(), f.getValue(), null))
                        .toList());
                profiles.setStaff(
                    provider.id(),
                    List.of(new StaffGroup("Social worker", 3), new StaffGroup("Care worker", 12)));
                profiles.addLicence(
                    provider.id(),
                    new Licence(
                        null,
                        provider.id(),
                        "Social services licence",
                        "L-" + Math.abs(seed.name().hashCode() % 10000),
                        "Regional ministry",
                        java.time.LocalDate.now().minusYears(2),
                        java.time.LocalDate.now().plusYears(3)));
                ServicePoint point =
                    profiles.addServicePoint(
                        provider.id(),
                        new ServicePointDetails(
                            seed.pointName(),
                            seed.municipality().id(),
                            seed.address(),
                            seed.lat(),
                            seed.lon(),
                            seed.capacity(),
                            "Mon–Fri 8:00–18:00",
                            Set.of(Accessibility.STEP_FREE_ACCESS),
                            ""));
                Application application = applications.start(provider.id());
                for (String code : seed.services()) {
                  UUID type = catalogue.serviceTypeByCode(code).orElseThrow().id();
                  application =
                      applications.addService(
                          application.id(), type, point.id(), seed.capacity() / 2);
                }
                application =
                    applications.attach(
                        application.id(),
                        DocumentKind.STATUTE,
                        "statute.pdf",
                        "application/pdf",
                        PDF);
                application =
                    applications.attach(
                        application.id(),
                        DocumentKind.REGISTRATION_CERTIFICATE,
                        "registration.pdf",
                        "application/pdf",
                        PDF);
                return applications.submit(application.id(), application.version());
              });
      if (seed.decide()) {
        DemoActors.as(
            DemoActors.of(officer),
            () ->
                applications.decide(
                    submitted.id(),
                    submitted.version(),
                    submitted.services().stream()
                        .map(s -> new ServiceDecision(s.id(), true, null, null))
                        .toList()));
      }
    }
  }
}
