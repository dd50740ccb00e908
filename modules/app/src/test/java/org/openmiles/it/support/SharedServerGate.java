package org.openmiles.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stops the {@link SharedServer} before the first test class that does not use it (a global
 * extension, registered in {@code META-INF/services}): those classes start servers of their own on
 * the same HTTPS port and folders.
 */
public final class SharedServerGate implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> test = context.getRequiredTestClass();
    if (test.getName().startsWith("org.openmiles.it.")
        && !test.isAnnotationPresent(SharedServer.OnSharedServer.class)) {
      SharedServer.stop();
    }
  }
}
