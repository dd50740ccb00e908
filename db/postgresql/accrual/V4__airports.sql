-- Airports and distances for flight accrual. The program's city-pair table wins over the
-- great-circle distance between the airports; both are reference data an admin can load (see
-- POST /api/v1/reference/airports and docs/file-formats.md).

create table airport (
    iata       char(3)      primary key,
    name       varchar(200) not null,
    city       varchar(100),
    country    char(2),
    latitude   numeric(9,6) not null,
    longitude  numeric(9,6) not null,
    source     varchar(20)  not null default 'BUILT_IN',
    updated_at timestamptz  not null default now(),
    constraint airport_iata_ck check (iata ~ '^[A-Z]{3}$'),
    constraint airport_country_ck check (country is null or country ~ '^[A-Z]{2}$'),
    constraint airport_position_ck check (latitude between -90 and 90 and longitude between -180 and 180)
);

-- program distances by city pair, either direction (origin < destination alphabetically)
create table city_pair_distance (
    airport_a      char(3) not null,
    airport_b      char(3) not null,
    effective_from date    not null,
    effective_to   date,
    miles          integer not null,
    constraint city_pair_distance_pk primary key (airport_a, airport_b, effective_from),
    constraint city_pair_distance_order_ck check (airport_a < airport_b),
    constraint city_pair_distance_miles_ck check (miles between 1 and 13000),
    constraint city_pair_distance_dates_ck check (effective_to is null or effective_to > effective_from)
);

-- a small built-in set for the demo and tests; positions from OpenFlights (Open Database License)
insert into airport (iata, name, city, country, latitude, longitude) values
    ('HAN', 'Noi Bai International Airport', 'Hanoi', 'VN', 21.221201, 105.806999),
    ('SGN', 'Tan Son Nhat International Airport', 'Ho Chi Minh City', 'VN', 10.818800, 106.652000),
    ('DAD', 'Da Nang International Airport', 'Danang', 'VN', 16.043900, 108.198997),
    ('CXR', 'Cam Ranh Airport', 'Nha Trang', 'VN', 11.998200, 109.219002),
    ('PQC', 'Phu Quoc International Airport', 'Phuquoc', 'VN', 10.169800, 103.993100),
    ('HPH', 'Cat Bi International Airport', 'Haiphong', 'VN', 20.819401, 106.724998),
    ('HUI', 'Phu Bai Airport', 'Hue', 'VN', 16.401501, 107.703003),
    ('VII', 'Vinh Airport', 'Vinh', 'VN', 18.737600, 105.670998),
    ('VCA', 'Can Tho International Airport', 'Can Tho', 'VN', 10.085100, 105.711998),
    ('DLI', 'Lien Khuong Airport', 'Dalat', 'VN', 11.750000, 108.366997),
    ('UIH', 'Phu Cat Airport', 'Phucat', 'VN', 13.955000, 109.042000),
    ('BMV', 'Buon Ma Thuot Airport', 'Buonmethuot', 'VN', 12.668300, 108.120003),
    ('VCL', 'Chu Lai International Airport', 'Chu Lai', 'VN', 15.403300, 108.706001),
    ('VDH', 'Dong Hoi Airport', 'Dong Hoi', 'VN', 17.515000, 106.590556),
    ('NRT', 'Narita International Airport', 'Tokyo', 'JP', 35.764702, 140.386002),
    ('HND', 'Tokyo Haneda International Airport', 'Tokyo', 'JP', 35.552299, 139.779999),
    ('KIX', 'Kansai International Airport', 'Osaka', 'JP', 34.427299, 135.244003),
    ('ICN', 'Incheon International Airport', 'Seoul', 'KR', 37.469101, 126.450996),
    ('PVG', 'Shanghai Pudong International Airport', 'Shanghai', 'CN', 31.143400, 121.805000),
    ('PEK', 'Beijing Capital International Airport', 'Beijing', 'CN', 40.080101, 116.584999),
    ('HKG', 'Hong Kong International Airport', 'Hong Kong', 'HK', 22.308901, 113.915001),
    ('TPE', 'Taiwan Taoyuan International Airport', 'Taipei', 'TW', 25.077700, 121.233002),
    ('SIN', 'Singapore Changi Airport', 'Singapore', 'SG', 1.350190, 103.994003),
    ('BKK', 'Suvarnabhumi Airport', 'Bangkok', 'TH', 13.681100, 100.747002),
    ('KUL', 'Kuala Lumpur International Airport', 'Kuala Lumpur', 'MY', 2.745580, 101.709999),
    ('CGK', 'Soekarno-Hatta International Airport', 'Jakarta', 'ID', -6.125570, 106.655998),
    ('MNL', 'Ninoy Aquino International Airport', 'Manila', 'PH', 14.508600, 121.019997),
    ('PNH', 'Phnom Penh International Airport', 'Phnom-penh', 'KH', 11.546600, 104.844002),
    ('RGN', 'Yangon International Airport', 'Yangon', 'MM', 16.907301, 96.133202),
    ('VTE', 'Wattay International Airport', 'Vientiane', 'LA', 17.988300, 102.563004),
    ('SYD', 'Sydney Kingsford Smith International Airport', 'Sydney', 'AU', -33.946098, 151.177002),
    ('MEL', 'Melbourne International Airport', 'Melbourne', 'AU', -37.673302, 144.843002),
    ('CDG', 'Charles de Gaulle International Airport', 'Paris', 'FR', 49.012798, 2.550000),
    ('FRA', 'Frankfurt am Main Airport', 'Frankfurt', 'DE', 50.033333, 8.570556),
    ('LHR', 'London Heathrow Airport', 'London', 'GB', 51.470600, -0.461941),
    ('SFO', 'San Francisco International Airport', 'San Francisco', 'US', 37.618999, -122.375000),
    ('LAX', 'Los Angeles International Airport', 'Los Angeles', 'US', 33.942501, -118.407997),
    ('DEL', 'Indira Gandhi International Airport', 'Delhi', 'IN', 28.566500, 77.103104),
    ('BOM', 'Chhatrapati Shivaji International Airport', 'Mumbai', 'IN', 19.088699, 72.867897),
    ('DXB', 'Dubai International Airport', 'Dubai', 'AE', 25.252800, 55.364399),
    ('DOH', 'Hamad International Airport', 'Doha', 'QA', 25.273056, 51.608056);
