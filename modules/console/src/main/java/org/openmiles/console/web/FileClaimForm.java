package org.openmiles.console.web;

import java.io.Serializable;
import java.time.LocalDate;

/** The fields of a missing-miles claim as the agent types them. */
public class FileClaimForm implements Serializable {
  private String ticketNumber;
  private Integer couponNumber;
  private String carrier = "VN";
  private String flightNumber;
  private LocalDate flightDate;
  private String origin;
  private String destination;
  private String bookingClass;

  public String getTicketNumber() {
    return ticketNumber;
  }

  public void setTicketNumber(String ticketNumber) {
    this.ticketNumber = ticketNumber;
  }

  public Integer getCouponNumber() {
    return couponNumber;
  }

  public void setCouponNumber(Integer couponNumber) {
    this.couponNumber = couponNumber;
  }

  public String getCarrier() {
    return carrier;
  }

  public void setCarrier(String carrier) {
    this.carrier = carrier;
  }

  public String getFlightNumber() {
    return flightNumber;
  }

  public void setFlightNumber(String flightNumber) {
    this.flightNumber = flightNumber;
  }

  public LocalDate getFlightDate() {
    return flightDate;
  }

  public void setFlightDate(LocalDate flightDate) {
    this.flightDate = flightDate;
  }

  public String getOrigin() {
    return origin;
  }

  public void setOrigin(String origin) {
    this.origin = origin;
  }

  public String getDestination() {
    return destination;
  }

  public void setDestination(String destination) {
    this.destination = destination;
  }

  public String getBookingClass() {
    return bookingClass;
  }

  public void setBookingClass(String bookingClass) {
    this.bookingClass = bookingClass;
  }
}
