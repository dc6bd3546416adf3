-- Demo data (docs/contracts.md): schedules 1..30, 50 seats each, seat id = (scheduleId - 1) * 50 + seatNo.
--   schedules  1..24  open for booking: booking window opened 2020-01-01, shows in 2099 (far enough ahead that
--                     they stay open whenever the suite is started; a relative date would drift into the past
--                     in a long-lived database);
--   schedules 25..28  past: shows in 2019, window closed;
--   schedules 29..30  announced, booking not yet open (opens 2098-01-01).
-- Seat grades by seat number: VIP 1-10, R 11-25, S 26-40, A 41-50; prices per concert and grade.

INSERT INTO concert (id, title, artist, venue) VALUES
    (1, 'Aurora Lights World Tour', 'Aurora Lights', 'Olympic Hall, Seoul'),
    (2, 'The Midnight Strings Live', 'The Midnight Strings', 'Sejong Center, Seoul'),
    (3, 'Han River Jazz Night', 'Blue Note Quintet', 'Blue Square, Seoul'),
    (4, 'Neon Pulse Festival', 'Various Artists', 'Gocheok Sky Dome, Seoul'),
    (5, 'Mahler No. 5', 'Seoul Metropolitan Philharmonic', 'Lotte Concert Hall, Seoul');

-- Open schedules: schedule k (1..24) of concert ((k - 1) DIV 5) + 1, one day apart from 2099-03-01 19:00 UTC,
-- so the soonest-first order is the id order.
INSERT INTO concert_schedule (id, concert_id, starts_at, booking_opens_at, booking_closes_at)
WITH RECURSIVE k AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM k WHERE n < 24)
SELECT n,
       ((n - 1) DIV 5) + 1,
       TIMESTAMP('2099-03-01 19:00:00') + INTERVAL (n - 1) DAY,
       TIMESTAMP('2020-01-01 00:00:00'),
       TIMESTAMP('2099-03-01 18:00:00') + INTERVAL (n - 1) DAY
FROM k;

INSERT INTO concert_schedule (id, concert_id, starts_at, booking_opens_at, booking_closes_at) VALUES
    (25, 1, '2019-05-10 19:00:00', '2019-03-01 00:00:00', '2019-05-10 18:00:00'),
    (26, 2, '2019-06-14 19:00:00', '2019-04-01 00:00:00', '2019-06-14 18:00:00'),
    (27, 3, '2019-09-20 19:00:00', '2019-07-01 00:00:00', '2019-09-20 18:00:00'),
    (28, 4, '2019-12-24 19:00:00', '2019-10-01 00:00:00', '2019-12-24 18:00:00'),
    (29, 5, '2099-12-01 19:00:00', '2098-01-01 00:00:00', '2099-12-01 18:00:00'),
    (30, 5, '2099-12-02 19:00:00', '2098-01-01 00:00:00', '2099-12-02 18:00:00');

INSERT INTO seat (id, schedule_id, seat_no, grade, price)
WITH RECURSIVE nums AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM nums WHERE n < 50),
     graded AS (SELECT n,
                       CASE WHEN n <= 10 THEN 'VIP' WHEN n <= 25 THEN 'R' WHEN n <= 40 THEN 'S' ELSE 'A' END AS grade
                FROM nums)
SELECT (s.id - 1) * 50 + g.n,
       s.id,
       g.n,
       g.grade,
       CASE s.concert_id
           WHEN 1 THEN CASE g.grade WHEN 'VIP' THEN 165000 WHEN 'R' THEN 143000 WHEN 'S' THEN 121000 ELSE 99000 END
           WHEN 2 THEN CASE g.grade WHEN 'VIP' THEN 150000 WHEN 'R' THEN 130000 WHEN 'S' THEN 110000 ELSE 88000 END
           WHEN 3 THEN CASE g.grade WHEN 'VIP' THEN 99000  WHEN 'R' THEN 77000  WHEN 'S' THEN 55000  ELSE 33000 END
           WHEN 4 THEN CASE g.grade WHEN 'VIP' THEN 198000 WHEN 'R' THEN 154000 WHEN 'S' THEN 132000 ELSE 110000 END
           ELSE        CASE g.grade WHEN 'VIP' THEN 120000 WHEN 'R' THEN 90000  WHEN 'S' THEN 60000  ELSE 30000 END
       END
FROM concert_schedule s
CROSS JOIN graded g;

INSERT INTO seat_view (seat_id, schedule_id, status, reservation_id, reservation_stage)
SELECT id, schedule_id, 'AVAILABLE', 0, 'NONE' FROM seat;
