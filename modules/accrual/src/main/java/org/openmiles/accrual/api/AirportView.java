package org.openmiles.accrual.api;

/** An airport as the program knows it. */
public record AirportView(
    String iata, String name, String city, String country, double latitude, double longitude) {}
