package org.socius.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socius.cases.Instrument.Band;
import org.socius.cases.Instrument.Definition;
import org.socius.cases.Instrument.Option;
import org.socius.cases.Instrument.Question;
import org.socius.cases.Instrument.Result;
import org.socius.cases.Instrument.Score;
import org.socius.cases.Instrument.Section;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;

/** Instruments as data: how they score, and which definitions are refused before they are kept. */
class InstrumentTest {

  private static final List<Option> YES_NO = List.of(new Option(0, "No"), new Option(1, "Yes"));

  private static Definition threeQuestions(List<Band> bands) {
    return new Definition(
        "Test scale",
        List.of(
            new Section(
                "s",
                "Section",
                List.of(
                    new Question("a", "A?", "yn"),
                    new Question("b", "B?", "yn"),
                    new Question("c", "C?", "yn")))),
        Map.of("yn", YES_NO),
        List.of(
            new Score("total", "Total", List.of()), new Score("ab", "A and B", List.of("a", "b"))),
        List.of(new Result("level", "Level", "total", bands)));
  }

  private static final List<Band> BANDS =
      List.of(new Band(0, 1, "Low"), new Band(2, 2, "Middle"), new Band(3, 3, "High"));

  @Test
  void scoresSumTheAnswersAndResultsReadTheirBand() {
    Instrument i =
        new Instrument(java.util.UUID.randomUUID(), "T", 1, "Test", threeQuestions(BANDS));
    Instrument.Scoring s = i.score(Map.of("a", 1, "b", 1, "c", 0));
    assertThat(s.scores()).containsEntry("total", 2).containsEntry("ab", 2);
    assertThat(s.results()).containsEntry("level", "Middle");
    assertThat(i.score(Map.of("a", 1, "b", 1, "c", 1)).results()).containsEntry("level", "High");
  }

  @Test
  void aMissingAnswerAValueOffTheScaleAndAnUnknownQuestionAreEachNamed() {
    Instrument i =
        new Instrument(java.util.UUID.randomUUID(), "T", 1, "Test", threeQuestions(BANDS));
    assertThatThrownBy(() -> i.score(Map.of("a", 1, "b", 7, "z", 1)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.findings())
                    .extracting(Finding::code, Finding::field)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("CAS-0602", "answers.b"),
                        org.assertj.core.groups.Tuple.tuple("CAS-0601", "answers.c"),
                        org.assertj.core.groups.Tuple.tuple("CAS-0603", "answers.z")));
  }

  @Test
  void bandsMustHoldEveryPossibleScoreExactlyOnce() {
    assertThat(Instrument.problems(threeQuestions(BANDS))).isEmpty();
    // 3 is held by no band.
    assertThat(
            Instrument.problems(
                threeQuestions(List.of(new Band(0, 1, "Low"), new Band(2, 2, "Middle")))))
        .extracting(Finding::code)
        .containsExactly("CAS-0709");
    // 1 is held by two bands.
    assertThat(
            Instrument.problems(
                threeQuestions(List.of(new Band(0, 1, "Low"), new Band(1, 3, "High")))))
        .extracting(Finding::code)
        .containsExactly("CAS-0709");
  }

  @Test
  void aQuestionOnAnUnknownScaleAndAScoreOfAnUnknownQuestionAreRefused() {
    Definition d =
        new Definition(
            "Broken",
            List.of(new Section("s", "S", List.of(new Question("a", "A?", "missing")))),
            Map.of("yn", YES_NO),
            List.of(new Score("x", "X", List.of("nope"))),
            List.of());
    assertThat(Instrument.problems(d))
        .extracting(Finding::code)
        .containsExactlyInAnyOrder("CAS-0706", "CAS-0707");
  }
}
