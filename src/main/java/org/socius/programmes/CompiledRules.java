package org.socius.programmes;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socius.people.MemberFacts;

/**
 * A programme version's rules, compiled: evaluates a household's facts and explains the outcome —
 * each criterion with the values it looked at and whether it passed, and how the amount came out.
 */
public final class CompiledRules {

  // What an explanation shows of an expression, in order. Decisions keep their values in this
  // order without the names (see the benefits module's ExplanationJson): a change to what it
  // matches changes how every kept decision reads, and needs a new format for them.
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(household|params)\\.([a-z_][a-z0-9_]*)");

  // Facts of a household drawn from its members' personal details, or from their assets.
  private static final Pattern PERSONAL_FACTS = naming(HouseholdFacts.FROM_PERSONAL_DETAILS);
  private static final Pattern ASSET_FACTS = naming(HouseholdFacts.FROM_ASSETS);

  record CompiledCriterion(String name, String expression, CelRuntime.Program program) {}

  /** A scalar an expression names: {@code household.size} or {@code params.line}. */
  private record Reference(String label, boolean parameter, String name) {}

  /** One criterion's outcome and the facts and parameters it referred to, by name. */
  public record CriterionResult(
      String name, String expression, boolean passed, Map<String, Object> values) {}

  /**
   * The outcome: eligible when every criterion passed; the amount in cents (zero when not
   * eligible), with the formula and the values it used.
   */
  public record Evaluation(
      boolean eligible,
      List<CriterionResult> criteria,
      String formula,
      Map<String, Object> formulaValues,
      long amountCents) {

    /** The amount in currency units, exactly, for people to read. */
    public String amount() {
      return java.math.BigDecimal.valueOf(amountCents, 2).toPlainString();
    }

    /** The criteria that failed, by name: what an explanation names first. */
    public List<String> failed() {
      return criteria.stream().filter(c -> !c.passed()).map(CriterionResult::name).toList();
    }
  }

  private final List<CompiledCriterion> criteria;
  private final String formula;
  private final CelRuntime.Program formulaProgram;
  private final Map<String, Long> parameters;
  // Found once at compilation: explaining millions of evaluations must not re-read expressions.
  private final List<List<Reference>> criterionReferences;
  private final List<Reference> formulaReferences;
  private final boolean usesMembers;

  CompiledRules(
      List<CompiledCriterion> criteria,
      String formula,
      CelRuntime.Program formulaProgram,
      Map<String, Long> parameters) {
    this.criteria = List.copyOf(criteria);
    this.formula = formula;
    this.formulaProgram = formulaProgram;
    this.parameters = Map.copyOf(parameters);
    this.criterionReferences = this.criteria.stream().map(c -> references(c.expression())).toList();
    this.formulaReferences = references(formula);
    this.usesMembers =
        formula.contains("members")
            || this.criteria.stream().anyMatch(c -> c.expression().contains("members"));
  }

  /**
   * Evaluates every criterion (all of them, so that the explanation is complete) and, if all pass,
   * the formula. A negative amount is a fault in the rules, not a payment, and is refused.
   */
  public Evaluation evaluate(Map<String, Object> household) {
    // Named variables resolved as asked: evaluating from a map would copy it for every expression.
    CelVariableResolver input =
        name ->
            switch (name) {
              case "household" -> Optional.of(household);
              case "params" -> Optional.of(parameters);
              default -> Optional.empty();
            };
    List<CriterionResult> results = new ArrayList<>(criteria.size());
    boolean eligible = true;
    for (int i = 0; i < criteria.size(); i++) {
      CompiledCriterion c = criteria.get(i);
      boolean passed = (Boolean) run(c.program(), input, c.name());
      eligible &= passed;
      results.add(
          new CriterionResult(
              c.name(), c.expression(), passed, values(criterionReferences.get(i), household)));
    }
    long amount = 0;
    if (eligible) {
      amount = (Long) run(formulaProgram, input, "formula");
      if (amount < 0) {
        throw new RuleFault("formula", "a negative amount (" + amount + ")");
      }
    }
    return new Evaluation(eligible, results, formula, values(formulaReferences, household), amount);
  }

  private static Object run(CelRuntime.Program program, CelVariableResolver input, String what) {
    try {
      return program.eval(input);
    } catch (CelEvaluationException e) {
      throw new RuleFault(what, e.getMessage());
    }
  }

  /**
   * Whether any criterion or the formula may look at the list of members (a rule naming "members"
   * anywhere, even in a string, is taken to).
   */
  public boolean usesMembers() {
    return usesMembers;
  }

  /**
   * What a bulk read of the register must fetch of each member for these rules: personal details
   * when a rule may look at the members or at the counts drawn from their details, assets when it
   * may look at assets. Spacing inside a name is allowed for; a rule that still reaches a fact not
   * read fails on it rather than deciding without it (see {@link HouseholdFacts}).
   */
  public MemberFacts.Wanted wanted() {
    boolean personal = usesMembers || names(PERSONAL_FACTS);
    boolean assets = usesMembers || names(ASSET_FACTS);
    return new MemberFacts.Wanted(personal, assets);
  }

  /** An expression naming any of the household's facts given, spacing inside the name allowed. */
  private static Pattern naming(java.util.Set<String> facts) {
    return Pattern.compile("\\bhousehold\\s*\\.\\s*(" + String.join("|", facts) + ")\\b");
  }

  private boolean names(Pattern fact) {
    return fact.matcher(formula).find()
        || criteria.stream().anyMatch(c -> fact.matcher(c.expression()).find());
  }

  /**
   * The names of the values an explanation shows for an expression ({@code household.size}, {@code
   * params.line}), each once, in the order the expression names them: the order in which {@link
   * CriterionResult#values()} and {@link Evaluation#formulaValues()} hold them.
   */
  public static List<String> labelsOf(String expression) {
    return references(expression).stream().map(Reference::label).toList();
  }

  /** The scalar facts and parameters an expression names, each once, in order. */
  private static List<Reference> references(String expression) {
    List<Reference> references = new ArrayList<>();
    Matcher m = REFERENCE.matcher(expression);
    while (m.find()) {
      Reference r = new Reference(m.group(0), m.group(1).equals("params"), m.group(2));
      if (!references.contains(r)) {
        references.add(r);
      }
    }
    return List.copyOf(references);
  }

  /** The values of an expression's references; a list of members is told by its size. */
  private Map<String, Object> values(List<Reference> references, Map<String, Object> household) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Reference r : references) {
      Object value = r.parameter() ? parameters.get(r.name()) : household.get(r.name());
      if (value instanceof List<?> list) {
        value = list.size() + " members";
      }
      if (value != null) {
        values.put(r.label(), value);
      }
    }
    return values;
  }

  /** A rule that compiled but failed on a household's facts (division by zero, for example). */
  public static final class RuleFault extends RuntimeException {
    RuleFault(String where, String message) {
      super("The rule " + where + " failed: " + message);
    }
  }
}
