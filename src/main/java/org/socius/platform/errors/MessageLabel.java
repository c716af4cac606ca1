package org.socius.platform.errors;

import org.springframework.context.MessageSourceResolvable;

/**
 * A value shown inside a message by its label in the reader's language: a status given to a refusal
 * as {@code MessageLabel.of("claims.status.", status)} reads "Under review" in English and in the
 * reader's language elsewhere, never "SUBMITTED". The message bundles resolve it wherever the
 * refusal is written (a page, a problem detail); logs show the bare name.
 */
public record MessageLabel(String code, String name) implements MessageSourceResolvable {

  public static MessageLabel of(String prefix, Enum<?> value) {
    return new MessageLabel(prefix + value.name(), value.name());
  }

  @Override
  public String[] getCodes() {
    return new String[] {code};
  }

  @Override
  public String getDefaultMessage() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
