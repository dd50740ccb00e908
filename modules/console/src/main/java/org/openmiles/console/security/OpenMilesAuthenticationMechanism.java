package org.openmiles.console.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openmiles.common.security.ApiRoles;
import org.openmiles.common.web.ClientAddresses;
import org.openmiles.common.web.Problems;
import org.openmiles.console.application.AuditTrail;
import org.openmiles.console.domain.ConsoleUserRepository;

/**
 * The WAR's one HTTP authentication mechanism (ADR 0013). Payara puts one mechanism in service per
 * web module, and the MicroProfile JWT extension registers its own as soon as the REST application
 * carries {@code @LoginConfig(authMethod = "MP-JWT")}. This bean is a CDI alternative with a
 * priority, so it is the one Jakarta Security resolves, and it routes:
 *
 * <ul>
 *   <li>a raw URI with a dot segment or an encoded separator: refused with 400 ({@code
 *       UNSAFE_PATH}), whatever path the container would normalise it to;
 *   <li>the API (the container's servlet path {@code /api}, never the raw URI): to the MP-JWT
 *       mechanism (bearer tokens, no session), with the token's groups cut down to API roles;
 *   <li>a programmatic login from the console's login page ({@code SecurityContext.authenticate}
 *       with a user name and password): the lockout check, the identity stores, a new session id,
 *       the caller kept in the session;
 *   <li>any other request: the caller from the session, if any; a protected console page without
 *       one is redirected to the login page.
 * </ul>
 *
 * <p>A bearer token the JWT mechanism has verified is remembered ({@link VerifiedTokens}, ADR
 * 0016): the same token again skips the parsing and the signature check until its expiry or {@code
 * openmiles.api.jwt-cache.seconds}, whichever is first.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class OpenMilesAuthenticationMechanism implements HttpAuthenticationMechanism {
  public static final String LOGIN_PAGE = "/console/login.xhtml";

  @Inject BeanManager beanManager;
  @Inject IdentityStoreHandler identityStores;
  @Inject ConsoleLogins logins;
  @Inject ConsoleUserRepository users;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject ClientAddresses clientAddresses;

  @Inject
  @ConfigProperty(name = "openmiles.api.jwt-cache.size", defaultValue = "2000")
  int jwtCacheSize;

  @Inject
  @ConfigProperty(name = "openmiles.api.jwt-cache.seconds", defaultValue = "300")
  long jwtCacheSeconds;

  /** Where the JWT mechanism reads the token; the cache is used only for the default header. */
  @Inject
  @ConfigProperty(name = "mp.jwt.token.header", defaultValue = "Authorization")
  String jwtHeader;

  private volatile Optional<HttpAuthenticationMechanism> api;
  private volatile VerifiedTokens<CredentialValidationResult> verified;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    if (RequestPaths.hasDotSegmentOrEncodedSeparator(request.getRequestURI())) {
      // the container would serve the normalised path; nothing legitimate sends such a URI
      return refuseUnsafePath(request, response);
    }
    if (RequestPaths.isApi(request.getServletPath())) {
      Optional<HttpAuthenticationMechanism> jwt = apiMechanism();
      return jwt.isPresent() ? api(jwt.get(), request, response, context) : context.doNothing();
    }
    if (context.isAuthenticationRequest()
        && context.getAuthParameters().getCredential()
            instanceof UsernamePasswordCredential credential) {
      return login(request, context, credential);
    }
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(ConsoleCaller.SESSION_ATTRIBUTE) instanceof ConsoleCaller caller) {
      if (!context.isProtected()) {
        return context.notifyContainerAboutLogin(caller.username(), caller.groups());
      }
      // a console page: the user as stored now, so that an admin's disable or role change takes
      // effect at the next click, not at the end of the session (one primary-key read a page)
      var current = users.find(caller.username()).filter(u -> u.active());
      if (current.isEmpty()) {
        session.invalidate();
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
      }
      return context.notifyContainerAboutLogin(
          caller.username(), ConsoleIdentityStore.groupsOf(current.get()));
    }
    if (context.isProtected()) {
      return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }
    return context.doNothing();
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(ConsoleCaller.SESSION_ATTRIBUTE);
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }

  private AuthenticationStatus login(
      HttpServletRequest request, HttpMessageContext context, UsernamePasswordCredential given) {
    String username = given.getCaller() == null ? "" : given.getCaller().strip();
    username = username.toLowerCase(Locale.ROOT);
    String address = clientAddresses.of(request);
    Instant now = clock.instant();
    // throttled per name and per address before the password is even checked, the same way for
    // names that are no user (ADR 0026)
    Optional<java.time.Duration> wait = logins.attempt(username, address, now);
    if (wait.isPresent()) {
      LoginOutcome outcome = LoginOutcome.throttled(wait.get());
      request.setAttribute(LoginOutcome.REQUEST_ATTRIBUTE, outcome);
      audit.session(
          username, "LOGIN_THROTTLED", address + ", wait " + outcome.waitSeconds() + " s");
      return context.doNothing();
    }
    CredentialValidationResult result =
        identityStores.validate(new UsernamePasswordCredential(username, given.getPassword()));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      request.setAttribute(
          LoginOutcome.REQUEST_ATTRIBUTE,
          LoginOutcome.wrong(logins.failed(username, address, now)));
      audit.session(username, "LOGIN_FAILED", address);
      return context.doNothing();
    }
    logins.succeeded(username, address, now);
    // a new session id at login: a session id planted before the login (fixation) is worthless
    request.getSession(true);
    request.changeSessionId();
    String name = result.getCallerPrincipal().getName();
    String display = users.find(name).map(u -> u.displayName()).orElse(name);
    request
        .getSession()
        .setAttribute(
            ConsoleCaller.SESSION_ATTRIBUTE,
            new ConsoleCaller(name, display, result.getCallerGroups(), now));
    request.setAttribute(LoginOutcome.REQUEST_ATTRIBUTE, LoginOutcome.ok());
    audit.session(name, "LOGIN", address);
    return context.notifyContainerAboutLogin(result);
  }

  /**
   * The JWT mechanism, or what it said about the same bearer token before. A hit does what the
   * mechanism does on success: the token's principal joins the subject and the container is told
   * the caller and groups.
   *
   * <p>The groups the container learns are the token's API roles only ({@link ApiRoles#of}): a
   * token naming a console role (ADMIN, say) never gets it. A token the mechanism refuses (bad
   * signature, expired, wrong issuer or audience, {@code alg: none}) leaves the request
   * unauthenticated instead of letting the mechanism answer with its own bare 401: the access
   * control of the API then answers 401 as problem+json, like every other refusal.
   */
  private AuthenticationStatus api(
      HttpAuthenticationMechanism jwt,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context)
      throws AuthenticationException {
    VerifiedTokens<CredentialValidationResult> cache = verifiedTokens();
    String header = request.getHeader("Authorization");
    boolean cacheable =
        cache.enabled()
            && "Authorization".equalsIgnoreCase(jwtHeader)
            && header != null
            && header.startsWith("Bearer ");
    String token = cacheable ? header.substring("Bearer ".length()) : null;
    if (cacheable) {
      CredentialValidationResult known = cache.get(token, clock.instant());
      if (known != null) {
        context.getClientSubject().getPrincipals().add(known.getCallerPrincipal());
        return context.notifyContainerAboutLogin(known);
      }
    }
    ApiLogin login = new ApiLogin(context, response);
    AuthenticationStatus status;
    try {
      status = jwt.validateRequest(request, login.response, login);
    } catch (AuthenticationException | RuntimeException refused) {
      return context.doNothing();
    }
    if (status != AuthenticationStatus.SUCCESS || login.refused) {
      return context.doNothing();
    }
    CredentialValidationResult result = login.seen;
    if (cacheable
        && result != null
        && result.getStatus() == CredentialValidationResult.Status.VALID
        && result.getCallerPrincipal() instanceof JsonWebToken verifiedToken) {
      cache.put(token, result, verifiedToken.getExpirationTime(), clock.instant());
    }
    return status;
  }

  /**
   * What the JWT mechanism sees of the request's context and response: the groups it reports are
   * cut down to API roles, and a refusal it would send is only noted.
   */
  private static final class ApiLogin extends HttpMessageContextWrapper {
    private final HttpServletResponse response;
    private boolean refused;
    private CredentialValidationResult seen;

    ApiLogin(HttpMessageContext context, HttpServletResponse real) {
      super(context);
      this.response =
          new HttpServletResponseWrapper(real) {
            @Override
            public void sendError(int sc) {
              refused = true;
            }

            @Override
            public void sendError(int sc, String msg) {
              refused = true;
            }

            @Override
            public void setStatus(int sc) {
              if (sc >= 400) {
                refused = true;
              } else {
                super.setStatus(sc);
              }
            }
          };
    }

    @Override
    public HttpServletResponse getResponse() {
      return response;
    }

    @Override
    public AuthenticationStatus responseUnauthorized() {
      refused = true;
      return AuthenticationStatus.SEND_FAILURE;
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
      CredentialValidationResult api =
          result.getStatus() != CredentialValidationResult.Status.VALID
              ? result
              : new CredentialValidationResult(
                  result.getIdentityStoreId(),
                  result.getCallerPrincipal(),
                  result.getCallerDn(),
                  result.getCallerUniqueId(),
                  ApiRoles.of(result.getCallerGroups()));
      seen = api;
      return super.notifyContainerAboutLogin(api);
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(
        java.security.Principal principal, java.util.Set<String> groups) {
      return super.notifyContainerAboutLogin(principal, ApiRoles.of(groups));
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(
        String callerName, java.util.Set<String> groups) {
      return super.notifyContainerAboutLogin(callerName, ApiRoles.of(groups));
    }
  }

  /**
   * A request whose raw URI has a dot segment or an encoded separator ({@code /api/%2e%2e/console},
   * {@code /api/../}, {@code ..%2f}) is refused with 400 before the container maps it anywhere.
   */
  private static AuthenticationStatus refuseUnsafePath(
      HttpServletRequest request, HttpServletResponse response) {
    try {
      response.resetBuffer();
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType(Problems.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Cache-Control", "no-store");
      response
          .getWriter()
          .write(
              (String)
                  Problems.response(
                          HttpServletResponse.SC_BAD_REQUEST,
                          "UNSAFE_PATH",
                          "Unsafe path",
                          "The address has a dot segment or an encoded slash, backslash or dot;"
                              + " send the plain path.",
                          null,
                          java.util.Map.of())
                      .getEntity());
      response.flushBuffer();
    } catch (java.io.IOException e) {
      // the client went away; nothing to answer
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private VerifiedTokens<CredentialValidationResult> verifiedTokens() {
    VerifiedTokens<CredentialValidationResult> v = verified;
    if (v == null) {
      v = new VerifiedTokens<>(Math.max(0, jwtCacheSize), Math.max(0, jwtCacheSeconds));
      verified = v;
    }
    return v;
  }

  /** The MicroProfile JWT mechanism, if the application registered one: every other HAM bean. */
  private Optional<HttpAuthenticationMechanism> apiMechanism() {
    Optional<HttpAuthenticationMechanism> found = api;
    if (found == null) {
      found = Optional.empty();
      for (Bean<?> bean :
          beanManager.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE)) {
        if (!OpenMilesAuthenticationMechanism.class.isAssignableFrom(bean.getBeanClass())) {
          found =
              Optional.of(
                  (HttpAuthenticationMechanism)
                      beanManager.getReference(
                          bean,
                          HttpAuthenticationMechanism.class,
                          beanManager.createCreationalContext(bean)));
          break;
        }
      }
      api = found;
    }
    return found;
  }
}
