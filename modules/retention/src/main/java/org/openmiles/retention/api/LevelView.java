package org.openmiles.retention.api;

/** An engagement level: its code, name and the points that reach it. */
public record LevelView(String code, String name, long minPoints) {}
