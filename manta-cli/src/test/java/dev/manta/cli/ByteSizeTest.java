package dev.manta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {
  @ParameterizedTest
  @CsvSource({
    "1, 1",
    "536870912, 536870912",
    "1k, 1024",
    "1K, 1024",
    "512m, 536870912",
    "512MB, 536870912",
    "2g, 2147483648",
    "2GiB, 2147483648",
    "1t, 1099511627776",
    "1.5g, 1610612736",
    "'  64 m ', 67108864",
    "100b, 100",
    "9223372036854775807, 9223372036854775807"
  })
  void parse_acceptsBytesAndBinarySuffixes(String text, long bytes) {
    assertThat(ByteSize.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "12x", "-1", "g", "1.5.2m", "1 2"})
  void parse_notASize_namesTheTextAndTheForms(String text) {
    assertThatThrownBy(() -> ByteSize.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'"
                + text
                + "' is not a size: expected a number of bytes, optionally followed by k, m, g or t"
                + " (powers of 1024), e.g. 536870912, 512m, 2g");
  }

  @Test
  void parse_fractionOfBytes_isRefused() {
    assertThatThrownBy(() -> ByteSize.parse("1.5"))
        .hasMessage(
            "'1.5' is not a whole number of bytes: write it as an integer, or use a suffix");
  }

  @Test
  void parse_zero_isRefused() {
    assertThatThrownBy(() -> ByteSize.parse("0m")).hasMessage("'0m' is less than 1 byte");
  }

  @Test
  void parse_overflow_isRefused() {
    assertThatThrownBy(() -> ByteSize.parse("9000000t"))
        .hasMessage("'9000000t' is more than 9223372036854775807 bytes, the largest size accepted");
  }
}
