package org.openmiles.integration.common;

import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.timer.TimerEndpoint;

/**
 * Endpoints configured through their typed setters instead of URI options (ADR 0034): an option's
 * name and type are checked by the compiler, not when the route starts.
 *
 * <p>An endpoint is made by its component from its address alone (a folder, a timer's name),
 * configured, and only then registered in the context, which initialises it as {@link
 * CamelContext#getEndpoint(String)} does for a URI. Configured after {@code getEndpoint}, an option
 * the endpoint reads when initialised (the file endpoint's {@code antInclude}) would be ignored.
 */
public final class Endpoints {
  private Endpoints() {}

  /**
   * The endpoint of {@code address} ({@code scheme:rest}, no options) made by its component, of
   * type {@code type}, after {@code options} configured it, registered in {@code camel}.
   */
  public static <E extends Endpoint> E configured(
      CamelContext camel, String address, Class<E> type, Consumer<E> options) {
    try {
      String scheme = address.substring(0, address.indexOf(':'));
      E endpoint = type.cast(camel.getComponent(scheme).createEndpoint(address));
      options.accept(endpoint);
      // registered like an endpoint named by a URI: started with the context, stopped with it
      camel.addEndpoint(endpoint.getEndpointUri(), endpoint);
      return endpoint;
    } catch (Exception e) {
      throw new RuntimeCamelException("endpoint " + address + " could not be made", e);
    }
  }

  /** The timer {@code name}, configured by {@code options} (its delay and period). */
  public static TimerEndpoint timer(
      CamelContext camel, String name, Consumer<TimerEndpoint> options) {
    return configured(camel, "timer:" + name, TimerEndpoint.class, options);
  }
}
