package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every string the UI shows exists in English and in Russian. */
class MessageBundlesTest {

  private static final Path RESOURCES = Path.of("src/main/resources");
  private static final Path SOURCES = Path.of("src/main/java");

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  private static Set<String> matches(Path root, String glob, Pattern pattern) throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file :
          files
              .filter(
                  f -> f.getFileSystem().getPathMatcher("glob:" + glob).matches(f.getFileName()))
              .toList()) {
        Matcher matcher = pattern.matcher(Files.readString(file));
        while (matcher.find()) {
          found.add(matcher.group(1));
        }
      }
    }
    return found;
  }

  /** A key written twice keeps only its last text: the other place shows the wrong words. */
  @Test
  void noKeyIsWrittenTwice() throws IOException {
    for (String name : List.of("messages.properties", "messages_ru.properties")) {
      Set<String> seen = new HashSet<>();
      List<String> twice = new ArrayList<>();
      for (String line : Files.readAllLines(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
        int equals = line.indexOf('=');
        if (equals > 0 && !line.startsWith("#") && !seen.add(line.substring(0, equals).trim())) {
          twice.add(line.substring(0, equals).trim());
        }
      }
      assertThat(twice).as(name).isEmpty();
    }
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    assertThat(bundle("messages_ru.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
  }

  @Test
  void everyKeyATemplateNamesExists() throws IOException {
    Set<String> keys = bundle("messages.properties").stringPropertyNames();
    Set<String> used =
        matches(
            RESOURCES.resolve("templates"), "*.html", Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]"));
    assertThat(used).isNotEmpty();
    assertThat(keys).containsAll(used);
  }

  @Test
  void everyErrorCodeTheCodeRaisesHasAMessage() throws IOException {
    Set<String> keys = bundle("messages.properties").stringPropertyNames();
    Set<String> codes = matches(SOURCES, "*.java", Pattern.compile("\"([A-Z]{3}-\\d{4})\""));
    assertThat(codes).isNotEmpty();
    assertThat(keys).containsAll(codes.stream().map(c -> "error." + c).toList());
  }

  @Test
  void everyLabelKeyInJavaExists() throws IOException {
    Set<String> keys = bundle("messages.properties").stringPropertyNames();
    Set<String> used =
        matches(
            SOURCES,
            "*.java",
            Pattern.compile(
                "\"((?:nav|users|account|calendar|territory|audit|login)\\.[a-zA-Z.]+[a-zA-Z])\""));
    assertThat(keys).containsAll(used);
  }
}
