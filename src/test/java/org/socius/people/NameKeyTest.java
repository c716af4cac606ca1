package org.socius.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One key for one name, whatever the script, accents, case or spacing it was typed in. */
class NameKeyTest {

  @Test
  void cyrillicLatinAndAccentedSpellingsShareAKeyAndKeepTheirWords() {
    assertThat(NameKey.of("Иванова", "Мария")).isEqualTo("ivanova maria");
    assertThat(NameKey.of("IVANOVÁ", "  Mária ")).isEqualTo("ivanova maria");
    assertThat(NameKey.of("O'Brien-Smith", null)).isEqualTo("obriensmith");
  }

  @Test
  void otherScriptsBecomeLatinLetters() {
    assertThat(NameKey.of("Əliyev", "Aýgerim")).isEqualTo("aliyev aygerim");
    assertThat(NameKey.of("Әлиев")).isEqualTo("aliev");
    assertThat(NameKey.of("王", "芳")).isEqualTo("wang fang");
  }
}
