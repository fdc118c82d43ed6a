package dev.manta.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a byte count written as plain bytes ({@code 536870912}) or with a binary suffix: {@code
 * k}, {@code m}, {@code g}, {@code t} (powers of 1024, either case, optionally followed by {@code
 * b} or {@code ib}: {@code 512m}, {@code 512MB}, {@code 2GiB}). With a suffix the number may have a
 * fraction ({@code 1.5g}); the result is rounded down to whole bytes.
 */
final class ByteSize {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([kmgt])(?:i?b)?|(b))?", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /**
   * Returns the number of bytes {@code text} names.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms, when it is not a size,
   *     is below 1 byte or above {@link Long#MAX_VALUE} bytes
   */
  static long parse(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a size: expected a number of bytes, optionally followed by k, m, g or t"
              + " (powers of 1024), e.g. 536870912, 512m, 2g");
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    if (suffix == null && number.scale() > 0) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a whole number of bytes: write it as an integer, or use a suffix");
    }
    int shift = suffix == null ? 0 : 10 * ("kmgt".indexOf(suffix.toLowerCase(Locale.ROOT)) + 1);
    BigDecimal bytes = number.multiply(BigDecimal.valueOf(2).pow(shift));
    BigDecimal whole = bytes.setScale(0, RoundingMode.DOWN);
    if (whole.signum() <= 0) {
      throw new IllegalArgumentException("'" + text + "' is less than 1 byte");
    }
    if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException(
          "'" + text + "' is more than " + Long.MAX_VALUE + " bytes, the largest size accepted");
    }
    return whole.longValueExact();
  }
}
