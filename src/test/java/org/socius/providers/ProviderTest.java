package org.socius.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.providers.ProviderKinds.FounderType;
import org.socius.providers.ProviderKinds.ProviderType;

class ProviderTest {

  private static Provider provider(ProviderType type, Provider.Founder... founders) {
    return new Provider(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "P",
        type,
        "",
        "",
        "",
        "",
        "",
        "",
        "REGISTERED",
        List.of(founders),
        0);
  }

  private static Provider.Founder founder(FounderType type, String share) {
    return new Provider.Founder(
        UUID.randomUUID(), "F", type, share == null ? null : new BigDecimal(share));
  }

  @Test
  void stateBodiesAndNgosControlledByTheStateAreStateAffiliated() {
    assertThat(provider(ProviderType.MUNICIPAL_BODY).stateAffiliated()).isTrue();
    assertThat(
            provider(ProviderType.NGO, founder(FounderType.MUNICIPALITY, null)).stateAffiliated())
        .isTrue();
    assertThat(
            provider(
                    ProviderType.NGO,
                    founder(FounderType.REGION, "50.01"),
                    founder(FounderType.PRIVATE_PERSON, "49.99"))
                .stateAffiliated())
        .isTrue();
  }

  @Test
  void anNgoWithAMinorityStateFounderIsNot() {
    assertThat(
            provider(
                    ProviderType.NGO,
                    founder(FounderType.REGION, "50"),
                    founder(FounderType.PRIVATE_PERSON, "50"))
                .stateAffiliated())
        .isFalse();
    assertThat(
            provider(ProviderType.NGO, founder(FounderType.PRIVATE_PERSON, null)).stateAffiliated())
        .isFalse();
    assertThat(provider(ProviderType.COMPANY).stateAffiliated()).isFalse();
  }
}
