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
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openmiles.console.application.AuditTrail;
import org.openmiles.console.infrastructure.JdbcConsoleUserRepository;

/**
 * The WAR's one HTTP authentication mechanism (ADR 0013). Payara puts one mechanism in service per
 * web module, and the MicroProfile JWT extension registers its own as soon as the REST application
 * carries {@code @LoginConfig(authMethod = "MP-JWT")}. This bean is a CDI alternative with a
 * priority, so it is the one Jakarta Security resolves, and it routes:
 *
 * <ul>
 *   <li>{@code /api/*}: to the MP-JWT mechanism, unchanged (bearer tokens, no session);
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
  @Inject JdbcConsoleUserRepository users;
  @Inject AuditTrail audit;
  @Inject Clock clock;

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
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
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
    String address = request.getRemoteAddr();
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
   */
  private AuthenticationStatus api(
      HttpAuthenticationMechanism jwt,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context)
      throws AuthenticationException {
    VerifiedTokens<CredentialValidationResult> cache = verifiedTokens();
    String header = request.getHeader("Authorization");
    if (!cache.enabled()
        || !"Authorization".equalsIgnoreCase(jwtHeader)
        || header == null
        || !header.startsWith("Bearer ")) {
      return jwt.validateRequest(request, response, context);
    }
    String token = header.substring("Bearer ".length());
    CredentialValidationResult known = cache.get(token, clock.instant());
    if (known != null) {
      context.getClientSubject().getPrincipals().add(known.getCallerPrincipal());
      return context.notifyContainerAboutLogin(known);
    }
    CredentialValidationResult[] seen = new CredentialValidationResult[1];
    AuthenticationStatus status =
        jwt.validateRequest(
            request,
            response,
            new HttpMessageContextWrapper(context) {
              @Override
              public AuthenticationStatus notifyContainerAboutLogin(
                  CredentialValidationResult result) {
                seen[0] = result;
                return super.notifyContainerAboutLogin(result);
              }
            });
    CredentialValidationResult result = seen[0];
    if (status == AuthenticationStatus.SUCCESS
        && result != null
        && result.getStatus() == CredentialValidationResult.Status.VALID
        && result.getCallerPrincipal() instanceof JsonWebToken verifiedToken) {
      cache.put(token, result, verifiedToken.getExpirationTime(), clock.instant());
    }
    return status;
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
