package org.openmiles.retention.api;

/**
 * Where a consent decision was collected: the API of another system, the member app, the console, a
 * call to the contact centre, a file, the enrollment form.
 */
public enum ConsentSource {
  API,
  APP,
  CONSOLE,
  CALL_CENTER,
  FILE,
  ENROLLMENT;

  /** The source named {@code text} (case-insensitive). */
  public static ConsentSource parse(String text) {
    return EnumNames.find(ConsentSource.class, text)
        .orElseThrow(
            () ->
                new UnknownConsentSourceException(
                    "source '"
                        + text
                        + "' is not one of API, APP, CONSOLE, CALL_CENTER, FILE, ENROLLMENT"));
  }
}
