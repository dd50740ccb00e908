package org.openmiles.integration.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Endpoint;
import org.apache.camel.Expression;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Endpoints configured through typed setters (ADR 0034): the timers of the file-ownership check and
 * the monthly settlement are configured as their former URIs were, registered in the context, and
 * fire.
 */
class EndpointsTest {
  private final DefaultCamelContext camel = new DefaultCamelContext();

  @AfterEach
  void stop() {
    camel.stop();
  }

  @Test
  void theTimersAreConfiguredAsTheUrisTheyReplaced() {
    TimerEndpoint ownership =
        Endpoints.timer(
            camel,
            "file-ownership",
            timer -> {
              timer.setDelay(500);
              timer.setPeriod(4_000);
            });
    TimerEndpoint settlement =
        Endpoints.timer(
            camel,
            "settlement-monthly",
            timer -> {
              timer.setPeriod(3_600_000);
              timer.setDelay(60_000);
            });

    assertThat(options(ownership))
        .isEqualTo(options(camel.getEndpoint("timer:file-ownership?delay=500&period=4000")));
    assertThat(options(settlement))
        .isEqualTo(
            options(camel.getEndpoint("timer:settlement-monthly?period=3600000&delay=60000")));
    assertThat(options(ownership)).containsEntry("delay", 500L).containsEntry("period", 4_000L);
    assertThat(ownership.getTimerName()).isEqualTo("file-ownership");
    // the context's endpoint of that name, as if it had been named by its URI
    assertThat(camel.getEndpoint("timer:file-ownership")).isSameAs(ownership);
  }

  @Test
  void aRouteFromATypedTimerFires() throws Exception {
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from(Endpoints.timer(
                    getContext(),
                    "often",
                    timer -> {
                      timer.setDelay(0);
                      timer.setPeriod(20);
                    }))
                .routeId("often")
                .log("tick");
          }
        });
    NotifyBuilder ticks = new NotifyBuilder(camel).fromRoute("often").whenDone(3).create();
    camel.start();
    assertThat(ticks.matches(10, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * Every option of {@code endpoint} as two endpoints can compare it: expressions and sorters by
   * their text, a repository by its kind (compared by identity where it matters).
   */
  static Map<String, Object> options(Endpoint endpoint) {
    String scheme = endpoint.getEndpointUri().substring(0, endpoint.getEndpointUri().indexOf(':'));
    var context = endpoint.getCamelContext();
    EndpointUriFactory names = context.getCamelContextExtension().getEndpointUriFactory(scheme);
    PropertyConfigurerGetter values =
        (PropertyConfigurerGetter)
            PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer(scheme + "-endpoint", context);
    Map<String, Object> out = new TreeMap<>();
    for (String option : names.propertyNames()) {
      Object value = values.getOptionValue(endpoint, option, false);
      if (value instanceof Expression || value instanceof Comparator<?>) {
        value = value.toString();
      } else if (value instanceof IdempotentRepository) {
        value = value.getClass().getSimpleName();
      }
      if (value != null) {
        out.put(option, value);
      }
    }
    return out;
  }
}
