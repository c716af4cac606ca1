package org.socius.programmes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;

/** The analyst's plain-text forms: what reads, and every line that does not, by number. */
class RuleFormTest {

  @Test
  void wellFormedLinesRead() {
    List<Finding> findings = new ArrayList<>();
    var criteria = RuleForm.criteria("Poor: household.size > 0\n\n Rich : true", findings);
    var parameters = RuleForm.parameters("line = 30_000\nbonus=5", "parameters", findings);
    var regional = RuleForm.regional("nv-n: line = 36000", findings);
    assertThat(findings).isEmpty();
    assertThat(criteria).extracting(c -> c.name()).containsExactly("Poor", "Rich");
    assertThat(parameters).containsEntry("line", 30_000L).containsEntry("bonus", 5L);
    assertThat(regional).containsKey("NV-N");
    var households = RuleForm.households("40/500.00; 10/0/disabled\n70");
    assertThat(households.getFirst().getFirst().income()).isEqualTo(50_000L);
    assertThat(households.getFirst().get(1).disabilityDegree()).isNotNull();
    assertThat(households.get(1).getFirst().income()).isZero();
    var samples = RuleForm.sampleHouseholds("40/500.00/assets=2000.00; 10/0 | benefits=90.00\n70");
    assertThat(samples.getFirst().members().getFirst().assets()).isEqualTo(200_000L);
    assertThat(samples.getFirst().otherBenefits()).isEqualTo(9_000L);
    assertThat(samples.get(1).otherBenefits()).isNull();
    var facts = org.socius.programmes.HouseholdFacts.ofSample(samples.getFirst());
    assertThat(facts).containsEntry("other_benefits", 9_000L).containsEntry("assets", 200_000L);
  }

  @Test
  void everyBadLineIsNamed() {
    List<Finding> findings = new ArrayList<>();
    RuleForm.criteria("no colon here\nok: true\n: nameless", findings);
    RuleForm.parameters("line = 3.5\nline", "parameters", findings);
    RuleForm.regional("NV-N line = 1", findings);
    assertThat(findings)
        .extracting(f -> f.code() + " " + f.args().getFirst())
        .containsExactly("PRG-0301 1", "PRG-0301 3", "PRG-0302 1", "PRG-0302 2", "PRG-0303 1");
    assertThatThrownBy(() -> RuleForm.sampleHouseholds("40/500.00 | gifts=1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PRG-0304");
    assertThatThrownBy(() -> RuleForm.households("40/500.00\nforty/12"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.findings().getFirst().code()).isEqualTo("PRG-0304"));
    assertThatThrownBy(() -> RuleForm.households("  \n"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.findings().getFirst().code()).isEqualTo("PRG-0210"));
  }
}
