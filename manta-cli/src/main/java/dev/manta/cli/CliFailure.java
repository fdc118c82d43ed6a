package dev.manta.cli;

/**
 * A command failed for a reason the user can act on; {@link MantaCli} prints the message alone,
 * with no stack trace, and exits 1.
 */
final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliFailure(String message) {
    super(message);
  }

  CliFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
