package org.socius.platform.web;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.springframework.context.MessageSource;

/** The findings of a refused form, in the user's language, for the form fragments to show. */
public final class FormErrors implements Iterable<FormErrors.Item> {

  private final List<Item> items;

  private FormErrors(List<Item> items) {
    this.items = items;
  }

  public static FormErrors of(InvalidInputException e, MessageSource messages, Locale locale) {
    return of(e.findings(), messages, locale);
  }

  /**
   * Why a form's change was not applied: a lost update asks the user to reload (the version numbers
   * of the API's message mean nothing on a page); a state refusal keeps its own message.
   */
  public static FormErrors of(ConflictException e, MessageSource messages, Locale locale) {
    Finding finding =
        e.isStaleVersion() ? Finding.of(null, "PLT-0410") : new Finding(null, e.code(), e.args());
    return of(List.of(finding), messages, locale);
  }

  /**
   * Either refusal a form's action may meet (bad input, or a state that forbids it), for a single
   * {@code catch (InvalidInputException | ConflictException e)}.
   */
  public static FormErrors ofRefusal(RuntimeException e, MessageSource messages, Locale locale) {
    return switch (e) {
      case InvalidInputException invalid -> of(invalid, messages, locale);
      case ConflictException conflict -> of(conflict, messages, locale);
      default -> throw new IllegalArgumentException("Not a refusal: " + e, e);
    };
  }

  public static FormErrors of(List<Finding> findings, MessageSource messages, Locale locale) {
    return new FormErrors(
        findings.stream()
            .map(
                f ->
                    new Item(
                        f.field(),
                        messages.getMessage(
                            "error." + f.code(), f.args().toArray(), f.code(), locale)))
            .toList());
  }

  /**
   * The same messages tied to fields whose ids carry a prefix, for a page with two forms that share
   * field names (e.g. {@code rename-code} beside {@code code}).
   */
  public FormErrors prefixed(String prefix) {
    return withFieldIds(field -> prefix + field);
  }

  /**
   * The same messages tied to the ids the page gives the fields, for forms repeated on a page (a
   * row's {@code reason-<id>} for the service's {@code reason}).
   */
  public FormErrors withFieldIds(java.util.function.UnaryOperator<String> id) {
    return new FormErrors(
        items.stream()
            .map(i -> new Item(i.field() == null ? null : id.apply(i.field()), i.message()))
            .toList());
  }

  public boolean hasField(String field) {
    return items.stream().anyMatch(i -> field.equals(i.field()));
  }

  public String message(String field) {
    return items.stream()
        .filter(i -> field.equals(i.field()))
        .map(Item::message)
        .findFirst()
        .orElse("");
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  @Override
  public Iterator<Item> iterator() {
    return items.iterator();
  }

  /** One message, tied to a field or to the whole form. */
  public record Item(String field, String message) {}
}
