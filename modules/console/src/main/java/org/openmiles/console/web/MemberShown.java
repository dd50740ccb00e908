package org.openmiles.console.web;

import org.openmiles.console.application.MemberOverview;

/**
 * Fired by {@link MemberPage} each time it has read the member afresh (on opening the page and
 * after every change made from it), so the tabs and forms that hold their own copy start again from
 * what is now shown: the statement goes back to its first page, the profile form to the saved
 * values.
 */
public record MemberShown(MemberOverview overview) {}
