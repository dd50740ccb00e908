package org.openmiles.accrual.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AirportFilesTest {
  private static final String OPENFLIGHTS =
      """
      3199,"Noi Bai International Airport","Hanoi","Vietnam","HAN","VVNB",21.221200942993164,105.80699920654297,39,7,"U","Asia/Saigon","airport","OurAirports"
      3205,"Tan Son Nhat International Airport","Ho Chi Minh City","Vietnam","SGN","VVTS",10.8187999725,106.652000427,33,7,"U","Asia/Saigon","airport","OurAirports"
      2279,"Narita International Airport","Tokyo","Japan","NRT","RJAA",35.7647018433,140.386001587,141,9,"U","Asia/Tokyo","airport","OurAirports"
      9999,"Some Heliport","Nowhere","Japan",\\N,"XXXX",35.0,139.0,0,9,"U","Asia/Tokyo","heliport","OurAirports"
      9998,"Broken","Nowhere","Japan","BRK","YYYY",not-a-number,139.0,0,9,"U","Asia/Tokyo","airport","OurAirports"
      """;
  private static final String OURAIRPORTS =
      """
      id,ident,type,name,latitude_deg,longitude_deg,elevation_ft,continent,iso_country,iso_region,municipality,scheduled_service,gps_code,iata_code,local_code
      26472,VVDN,large_airport,Da Nang International Airport,16.0439,108.199,33,AS,VN,VN-60,Da Nang,yes,VVDN,DAD,
      3622,KSFO,large_airport,San Francisco International Airport,37.6189994812,-122.375,13,NA,US,US-CA,San Francisco,yes,KSFO,SFO,
      1,00A,heliport,Total RF Heliport,40.07,-74.93,11,NA,US,US-PA,Bensalem,no,00A,,00A
      """;

  private static Map<String, Airport> read(
      String data, AirportFiles.Format f, AirportFiles.Counts[] counts) throws Exception {
    Map<String, Airport> out = new HashMap<>();
    counts[0] = AirportFiles.read(new StringReader(data), f, a -> out.put(a.iata(), a));
    return out;
  }

  @Test
  void openFlightsRowsBecomeAirportsWithIsoCountries() throws Exception {
    AirportFiles.Counts[] c = new AirportFiles.Counts[1];
    Map<String, Airport> a = read(OPENFLIGHTS, AirportFiles.Format.OPENFLIGHTS, c);
    assertThat(a).containsOnlyKeys("HAN", "SGN", "NRT");
    assertThat(a.get("HAN").country()).isEqualTo("VN");
    assertThat(a.get("NRT").country()).isEqualTo("JP");
    assertThat(c[0].skipped()).isEqualTo(1);
    assertThat(c[0].refused()).isEqualTo(1);
    assertThat(c[0].firstProblem()).contains("row 5");
    assertThat(a.get("HAN").sameCountry(a.get("SGN"))).isTrue();
    assertThat(a.get("HAN").sameCountry(a.get("NRT"))).isFalse();
  }

  @Test
  void ourAirportsRowsBecomeAirports() throws Exception {
    AirportFiles.Counts[] c = new AirportFiles.Counts[1];
    Map<String, Airport> a = read(OURAIRPORTS, AirportFiles.Format.OURAIRPORTS, c);
    assertThat(a).containsOnlyKeys("DAD", "SFO");
    assertThat(a.get("SFO").city()).isEqualTo("San Francisco");
    assertThat(c[0].skipped()).isEqualTo(1);
  }

  @Test
  void greatCircleDistancesMatchPublishedFigures() throws Exception {
    AirportFiles.Counts[] c = new AirportFiles.Counts[1];
    Map<String, Airport> a = read(OPENFLIGHTS, AirportFiles.Format.OPENFLIGHTS, c);
    // HAN-SGN: 10.40 deg of latitude, 0.85 of longitude at 16 N: about 10.43 deg of arc x 69.1 mi
    assertThat(a.get("HAN").milesTo(a.get("SGN"))).isBetween(715L, 725L);
    // HAN-NRT: about 2,300 statute miles (spherical; the ellipsoid differs by under 0.5 %)
    assertThat(a.get("HAN").milesTo(a.get("NRT"))).isBetween(2_270L, 2_330L);
    assertThat(a.get("SGN").milesTo(a.get("HAN"))).isEqualTo(a.get("HAN").milesTo(a.get("SGN")));
    assertThat(GreatCircle.miles(0, 0, 0, 180))
        .isEqualTo(Math.round(Math.PI * GreatCircle.EARTH_RADIUS_MILES));
  }

  @Test
  void theSharedOpenFlightsSnapshotImportsWhenPresent() throws Exception {
    Path file = Path.of("../../../shared/data/openflights/airports.dat");
    Assumptions.assumeTrue(
        Files.isRegularFile(file),
        "SKIPPED: ../shared/data/openflights/airports.dat is not beside the project");
    Map<String, Airport> all = new HashMap<>();
    AirportFiles.Counts c;
    try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      c = AirportFiles.read(r, AirportFiles.Format.OPENFLIGHTS, a -> all.put(a.iata(), a));
    }
    assertThat(c.airports()).isGreaterThan(5_000);
    assertThat(all.get("SGN").country()).isEqualTo("VN");
    long unknownCountry = all.values().stream().filter(a -> a.country() == null).count();
    assertThat(unknownCountry)
        .as("airports whose country name has no ISO code")
        .isLessThan(all.size() / 50);
  }
}
