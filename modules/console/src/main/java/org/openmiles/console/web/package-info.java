/**
 * The console's Faces backing beans (view-scoped, one per page; member 360 has one per tab or form
 * around a shared {@code MemberPage}) and the reject-file download. They build commands, call the
 * console's application services or other modules' {@code api} services, and turn refusals into
 * messages that tell the agent what to do next.
 */
package org.openmiles.console.web;
