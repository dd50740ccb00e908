package org.openmiles.retention.domain;

/**
 * A member's expected value over a horizon, discounted: the activities BG/NBD expects in each step
 * of the horizon, each worth what Gamma-Gamma expects of the member's next transaction, discounted
 * by {@code discountPerStep} for every step ahead (the step-by-step sum of Fader, Hardie and Lee's
 * CLV, as the usual tools compute it). Steps are in the models' unit of time (weeks for CDNOW,
 * say): 52 steps of 1 with a weekly discount of 0.0019 is a year at about 10%.
 */
public record LifetimeValue(BgNbd counts, GammaGamma values) {

  /**
   * The discounted value over {@code steps} steps of {@code stepLength}; {@code spend} may be null
   * for a member without repeat transactions, who is valued at the population's mean.
   */
  public double of(
      ActivityHistory history,
      GammaGamma.Spend spend,
      int steps,
      double stepLength,
      double discountPerStep) {
    if (steps < 1 || !(stepLength > 0) || discountPerStep < 0) {
      throw new IllegalArgumentException(
          "a horizon needs steps, a step length and a discount >= 0");
    }
    double value = spend == null ? values.populationMeanValue() : values.expectedValue(spend);
    return value * counts.discountedActivities(history, steps, stepLength, discountPerStep);
  }
}
