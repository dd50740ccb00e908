package org.openmiles.retention.api;

/**
 * One entry of the engagement catalogue: points per action, the caps in points per airline day and
 * per member lifetime (null: none), the bonus miles an action that counts earns, and whether it is
 * active.
 */
public record ActionTypeView(
    String code,
    String name,
    int points,
    Integer dailyCap,
    Integer lifetimeCap,
    long bonusMiles,
    boolean active) {}
