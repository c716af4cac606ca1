package org.socius.cases.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.socius.cases.Agreement;
import org.socius.cases.Case;
import org.socius.cases.Plan;
import org.socius.people.Person;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Plans and agreements as PDF documents in the client's language, to keep and to sign: the same
 * templates and message bundles as the pages, laid out for paper. The fonts travel with the
 * application, so that a Russian plan prints the same on every machine.
 */
@Component
class CaseDocuments {

  private static final String REGULAR = "/liberation/LiberationSans-Regular.ttf";
  private static final String BOLD = "/liberation/LiberationSans-Bold.ttf";

  private final ITemplateEngine templates;

  CaseDocuments(ITemplateEngine templates) {
    this.templates = templates;
  }

  byte[] plan(Case c, Person client, Plan plan) {
    return render(
        "cases/pdf/plan", plan.language(), Map.of("c", c, "client", client, "plan", plan));
  }

  byte[] agreement(Agreement agreement) {
    return render("cases/pdf/agreement", agreement.language(), Map.of("a", agreement));
  }

  private byte[] render(String template, String language, Map<String, Object> variables) {
    Context context = new Context(Locale.forLanguageTag(language), variables);
    String html = templates.process(template, context);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(
          () -> CaseDocuments.class.getResourceAsStream(REGULAR),
          "Liberation Sans",
          400,
          FontStyle.NORMAL,
          true);
      builder.useFont(
          () -> CaseDocuments.class.getResourceAsStream(BOLD),
          "Liberation Sans",
          700,
          FontStyle.NORMAL,
          true);
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
