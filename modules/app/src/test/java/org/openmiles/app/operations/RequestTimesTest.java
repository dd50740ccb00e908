package org.openmiles.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTimesTest {

  @Test
  void requestsAreAHistogramPerOperationAndStatusWithCumulativeBuckets() {
    RequestTimes times = new RequestTimes();
    times.record("GET", "/v1/members/{number}", 200, 3_000_000); // 3 ms
    times.record("GET", "/v1/members/{number}", 200, 40_000_000); // 40 ms
    times.record("GET", "/v1/members/{number}", 200, 20_000_000_000L); // 20 s: only +Inf
    times.record("GET", "/v1/members/{number}", 404, 1_000_000);
    PrometheusText out = new PrometheusText();
    times.addTo(out);
    String text = out.text();

    assertThat(text.lines().filter(l -> l.startsWith("# TYPE")))
        .as("one family: HELP and TYPE once, under the family's name")
        .containsExactly("# TYPE openmiles_http_request_duration_seconds histogram");
    String ok = "method=\"GET\",operation=\"/v1/members/{number}\",status=\"200\"";
    assertThat(text)
        .contains("openmiles_http_request_duration_seconds_bucket{le=\"0.005\"," + ok + "} 1\n")
        .contains("openmiles_http_request_duration_seconds_bucket{le=\"0.05\"," + ok + "} 2\n")
        .contains("openmiles_http_request_duration_seconds_bucket{le=\"10.0\"," + ok + "} 2\n")
        .contains("openmiles_http_request_duration_seconds_bucket{le=\"+Inf\"," + ok + "} 3\n")
        .contains("openmiles_http_request_duration_seconds_count{" + ok + "} 3\n")
        .contains("openmiles_http_request_duration_seconds_sum{" + ok + "} 20.04")
        .contains(
            "openmiles_http_request_duration_seconds_count{method=\"GET\","
                + "operation=\"/v1/members/{number}\",status=\"404\"} 1\n");
  }
}
