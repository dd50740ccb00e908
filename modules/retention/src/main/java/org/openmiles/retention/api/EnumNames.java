package org.openmiles.retention.api;

import java.util.Locale;
import java.util.Optional;

/** Enum constants by the names requests and files write, case-insensitive, spaces trimmed. */
final class EnumNames {
  private EnumNames() {}

  static <E extends Enum<E>> Optional<E> find(Class<E> type, String text) {
    if (text == null) {
      return Optional.empty();
    }
    String name = text.strip().toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
