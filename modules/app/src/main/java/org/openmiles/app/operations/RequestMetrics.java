package org.openmiles.app.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.openmiles.app.security.AccessControl;
import org.openmiles.app.security.AccessMatrix;

/**
 * Times every API request from before matching to its answer and counts it in {@link RequestTimes}
 * under the operation the access check matched (its path template, so the number of series stays
 * that of the operations) or {@code unmatched}.
 */
@Provider
@PreMatching
@ApplicationScoped
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String STARTED = RequestMetrics.class.getName() + ".started";

  @Inject RequestTimes times;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(STARTED) instanceof Long started)) {
      return;
    }
    String operation =
        request.getProperty(AccessControl.OPERATION) instanceof AccessMatrix.Operation op
            ? op.path()
            : "unmatched";
    times.record(request.getMethod(), operation, response.getStatus(), System.nanoTime() - started);
  }
}
