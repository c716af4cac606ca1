package org.socius.programmes;

import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Checks rules before anyone relies on them: every criterion must compile to a true-or-false
 * expression and the formula to a whole number, over the names {@link HouseholdFacts} and the
 * version's parameters define. A misspelt field, a parameter that does not exist, or a formula that
 * gives text are all refused with CEL's own words and the position of the mistake.
 */
@Component
public class RuleCompiler {

  private static final CelRuntime RUNTIME =
      CelRuntimeFactory.standardCelRuntimeBuilder()
          .addLibraries(CelExtensions.math(CelOptions.DEFAULT))
          .build();

  /** Rules ready to evaluate; safe to share between threads. */
  public CompiledRules compile(Rules rules) {
    List<Finding> findings = new ArrayList<>();
    Map<String, Long> parameters = rules.parameters() == null ? Map.of() : rules.parameters();
    for (String name : parameters.keySet()) {
      if (!Pattern.matches("[a-z][a-z0-9_]*", name)) {
        findings.add(Finding.of("parameters." + name, "PRG-0104", name));
      }
    }
    if (rules.criteria() == null || rules.criteria().isEmpty()) {
      findings.add(Finding.of("criteria", "PRG-0101"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    StructType params =
        StructType.create(
            "socius.Params",
            ImmutableSet.copyOf(parameters.keySet()),
            name -> parameters.containsKey(name) ? Optional.of(SimpleType.INT) : Optional.empty());
    List<CompiledRules.CompiledCriterion> criteria = new ArrayList<>();
    for (int i = 0; i < rules.criteria().size(); i++) {
      Rules.Criterion c = rules.criteria().get(i);
      String field = "criteria[" + i + "]";
      if (c == null || c.name() == null || c.name().isBlank()) {
        findings.add(Finding.of(field + ".name", "PRG-0102"));
        continue;
      }
      compile(c.expression(), SimpleType.BOOL, params, field + ".expression", findings)
          .ifPresent(
              program ->
                  criteria.add(
                      new CompiledRules.CompiledCriterion(
                          c.name().trim(), c.expression().trim(), program)));
    }
    Optional<CelRuntime.Program> formula =
        compile(rules.formula(), SimpleType.INT, params, "formula", findings);
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    return new CompiledRules(criteria, rules.formula().trim(), formula.orElseThrow(), parameters);
  }

  private static Optional<CelRuntime.Program> compile(
      String expression, CelType result, StructType params, String field, List<Finding> findings) {
    if (expression == null || expression.isBlank()) {
      findings.add(Finding.of(field, "PRG-0103"));
      return Optional.empty();
    }
    CelCompiler compiler = compiler(params, result);
    try {
      CelAbstractSyntaxTree ast = compiler.compile(expression.trim()).getAst();
      return Optional.of(RUNTIME.createProgram(ast));
    } catch (CelValidationException e) {
      findings.add(Finding.of(field, "PRG-0105", e.getMessage()));
      return Optional.empty();
    } catch (CelEvaluationException e) {
      findings.add(Finding.of(field, "PRG-0105", e.getMessage()));
      return Optional.empty();
    }
  }

  private static CelCompiler compiler(StructType params, CelType result) {
    List<CelType> types = List.of(HouseholdFacts.MEMBER, HouseholdFacts.HOUSEHOLD, params);
    CelTypeProvider provider =
        new CelTypeProvider() {
          @Override
          public com.google.common.collect.ImmutableCollection<CelType> types() {
            return ImmutableSet.copyOf(types);
          }

          @Override
          public Optional<CelType> findType(String name) {
            return types.stream().filter(t -> t.name().equals(name)).findFirst();
          }
        };
    return CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addLibraries(CelExtensions.math(CelOptions.DEFAULT))
        .setTypeProvider(provider)
        .addVar("household", HouseholdFacts.HOUSEHOLD)
        .addVar("params", params)
        .setResultType(result)
        .build();
  }
}
