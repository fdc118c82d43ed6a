package dev.manta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomResourcesTest {
  @Test
  void parse_flatObject_keepsTextAndAmountsInOrder() {
    String json = "{\"GPU\":1,\"nodeB\":1}";
    CustomResources r = CustomResources.parse(json);
    assertThat(r.json()).isEqualTo(json);
    assertThat(r.amounts()).containsExactly(entry("GPU", 1.0), entry("nodeB", 1.0));
  }

  @Test
  void parse_whitespaceFractionsExponentsAndEscapes() {
    CustomResources r =
        CustomResources.parse(
            " {\n \"GPU\" : 0.5 , \"mem\\u0041\": 2e3, \"a\\\"b\": 0, \"neg0\": -0 } ");
    assertThat(r.amounts())
        .containsExactly(
            entry("GPU", 0.5), entry("memA", 2000.0), entry("a\"b", 0.0), entry("neg0", -0.0));
  }

  @Test
  void parse_emptyObject_hasNoAmounts() {
    assertThat(CustomResources.parse("{}").amounts()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``| at the end: expected a JSON object such as {\"GPU\": 1}, got nothing",
        "[1]| at character 1: expected '{' to open a JSON object such as {\"GPU\": 1}",
        "{GPU: 1}| at character 2: expected a resource name in double quotes",
        "{\"GPU\" 1}| at character 8: expected ':' after resource name \"GPU\"",
        "{\"GPU\": \"1\"}| at character 9: the amount of \"GPU\" must be a number, such as 1 or 0.5",
        "{\"GPU\": {\"a\": 1}}| at character 9: the amount of \"GPU\" must be a number, such as 1 or 0.5",
        "{\"GPU\": -1}| at character 9: the amount of \"GPU\" must be >= 0, was -1",
        "{\"GPU\": 1,}| at character 11: expected a resource name in double quotes",
        "{\"GPU\": 1 \"x\": 2}| at character 11: expected ',' or '}' after the amount of \"GPU\"",
        "{\"GPU\": 1, \"GPU\": 2}| at character 12: resource \"GPU\" appears twice",
        "{\"GPU\": 1} x| at character 12: unexpected text after the closing '}'",
        "{\"GPU\": 1| at the end: expected ',' or '}' after the amount of \"GPU\"",
        "{\"GPU| at character 2: unterminated string",
        "{\"\": 1}| at character 2: a resource name must not be empty",
        "{\"CPU\": 4}| at character 2: CPU is not a custom resource: set it with --num-cpus",
        "{\"x\": 1e999}| at character 7: the amount of \"x\" is too large: 1e999",
        "{\"x\": 01}| at character 8: expected ',' or '}' after the amount of \"x\"",
        "{\"x\": 1.}| at character 9: expected a digit after '.'",
        "{\"\\q\": 1}| at character 3: unknown escape \\q"
      })
  void parse_badJson_saysWhatAndWhere(String json, String problem) {
    assertThatThrownBy(() -> CustomResources.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid resources JSON " + problem + " (in " + json + ")");
  }
}
