package org.openmiles.cashmiles.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.application.IdempotentRequests;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.idempotency.IdempotencyStore.Answer;
import org.openmiles.common.web.JsonRecords;
import org.openmiles.common.web.JsonRequest;
import org.openmiles.common.web.Problems;

/**
 * Runs an {@link Idempotent} operation of a {@link Resource} through {@link IdempotentRequests}:
 * the operation's answer (status and JSON body) is stored with its effect, a retry with the same
 * key and request gets it again, the key with another request is refused. The request is checked
 * first (its body by the reader, its payment and fingerprint here), so a refused request claims no
 * key.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {
  private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

  /** What the interceptor needs of the resource it wraps. */
  public interface Resource {
    /** Whose keys: the caller (refusing an unauthenticated or unauthorized one). */
    ClientId client();

    HttpHeaders headers();

    UriInfo uriInfo();
  }

  @Inject IdempotentRequests requests;

  @AroundInvoke
  public Object answer(InvocationContext ctx) throws Exception {
    Method method = ctx.getMethod();
    Idempotent how = method.getAnnotation(Idempotent.class);
    Resource resource = (Resource) ctx.getTarget();
    ClientId client = resource.client();
    bindAbsentBodies(ctx);
    String request = fingerprint(how.value(), ctx.getParameters());
    String key = resource.headers().getHeaderString(Idempotent.HEADER);
    if (!how.keyRequired() && (key == null || key.isEmpty())) {
      return ctx.proceed();
    }
    UriInfo uri = resource.uriInfo();
    Answer a =
        requests.execute(
            client, key, request, () -> stored(proceed(ctx)), e -> refusal(e, uri.getPath()));
    return reply(a, how.location(), method.getDeclaringClass(), uri);
  }

  /** A request without a body is an empty object, checked like any other. */
  private static void bindAbsentBodies(InvocationContext ctx) {
    Object[] args = ctx.getParameters();
    Class<?>[] types = ctx.getMethod().getParameterTypes();
    boolean changed = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null && JsonRequest.class.isAssignableFrom(types[i])) {
        args[i] = JsonRecords.read("", types[i].asSubclass(JsonRequest.class));
        changed = true;
      }
    }
    if (changed) {
      ctx.setParameters(args);
    }
  }

  /** The operation and its fingerprinted parameters, joined by {@code |}. */
  static String fingerprint(String operation, Object[] args) {
    StringJoiner request = new StringJoiner("|").add(operation);
    for (Object a : args) {
      if (a instanceof Idempotent.Fingerprinted f) {
        request.add(f.fingerprint());
      }
    }
    return request.toString();
  }

  private static Object proceed(InvocationContext ctx) {
    try {
      return ctx.proceed();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Answer stored(Object result) {
    Response r = (Response) result;
    return new Answer(r.getStatus(), (String) r.getEntity());
  }

  private static Answer refusal(OpenMilesException e, String path) {
    Response r = Problems.refusal(e, "/" + path);
    return new Answer(r.getStatus(), (String) r.getEntity());
  }

  private static Response reply(Answer a, String location, Class<?> resource, UriInfo uri) {
    Response.ResponseBuilder r =
        Response.status(a.status())
            .type(a.status() >= 400 ? Problems.PROBLEM_JSON : MediaType.APPLICATION_JSON_TYPE)
            .entity(a.body());
    Matcher variable = VARIABLE.matcher(location);
    if (a.status() == 201 && variable.find()) {
      long id = JsonRecords.object(a.body()).getJsonNumber(variable.group(1)).longValueExact();
      r.location(uri.getBaseUriBuilder().path(resource).path(location).build(id));
    }
    return r.build();
  }
}
