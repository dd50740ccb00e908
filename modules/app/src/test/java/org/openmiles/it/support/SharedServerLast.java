package org.openmiles.it.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the classes that start servers of their own (Arquillian's, {@link ServerProcess}) first and
 * the classes on the {@link SharedServer} after them, each group in the order the build found the
 * classes (a stable sort): the shared server then starts once, after the last of the others, and
 * the others keep the order they had before the shared server (the scoring tests fit their models
 * on every member in the database, so what ran before them matters). Set as the default class order
 * in {@code junit-platform.properties}.
 */
public final class SharedServerLast implements ClassOrderer {
  @Override
  public void orderClasses(ClassOrdererContext context) {
    context
        .getClassDescriptors()
        .sort(
            Comparator.comparing(
                (ClassDescriptor d) -> d.isAnnotated(SharedServer.OnSharedServer.class)));
  }
}
