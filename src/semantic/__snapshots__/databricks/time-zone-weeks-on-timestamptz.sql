WITH spine AS (
  SELECT CAST(:p1 AS DATE) AS period_start, CAST(:p2 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p3 AS DATE) AS period_start, CAST(:p4 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p5 AS DATE) AS period_start, CAST(:p6 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p7 AS DATE) AS period_start, CAST(:p8 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p9 AS DATE) AS period_start, CAST(:p10 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p11 AS DATE) AS period_start, CAST(:p12 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p13 AS DATE) AS period_start, CAST(:p14 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p15 AS DATE) AS period_start, CAST(:p16 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p17 AS DATE) AS period_start, CAST(:p18 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p19 AS DATE) AS period_start, CAST(:p20 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p21 AS DATE) AS period_start, CAST(:p22 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p23 AS DATE) AS period_start, CAST(:p24 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p25 AS DATE) AS period_start, CAST(:p26 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p27 AS DATE) AS period_start, CAST(:p28 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p29 AS DATE) AS period_start, CAST(:p30 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p31 AS DATE) AS period_start, CAST(:p32 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p33 AS DATE) AS period_start, CAST(:p34 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p35 AS DATE) AS period_start, CAST(:p36 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p37 AS DATE) AS period_start, CAST(:p38 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p39 AS DATE) AS period_start, CAST(:p40 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p41 AS DATE) AS period_start, CAST(:p42 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p43 AS DATE) AS period_start, CAST(:p44 AS DATE) AS next_start
),
conversion_0_events AS (
  SELECT `_t`.`opportunity_id` AS entity,
    `_t`.`changed_at` AS event_at,
    from_utc_timestamp(`_t`.`changed_at`, :p45) AS event_local,
    CASE WHEN (`_t`.`stage_name` = :p46) THEN 1 ELSE 0 END AS is_from,
    CASE WHEN (`_t`.`stage_name` = :p47) THEN 1 ELSE 0 END AS is_to,
    CASE WHEN TRUE THEN 1 ELSE 0 END AS requested
  FROM `main`.`stage_history` AS `_t`
),
conversion_0_first AS (
  SELECT entity, event_at AS entered_at, event_local AS entered_local
  FROM (
    SELECT entity, event_at, event_local, requested, ROW_NUMBER() OVER (PARTITION BY entity ORDER BY event_at) AS entry_rank
    FROM conversion_0_events WHERE is_from = 1
  ) AS e
  WHERE entry_rank = 1 AND requested = 1
),
conversion_0_cohort AS (
  SELECT a.entity, date_add(CAST(CAST(a.entered_local AS DATE) AS DATE), CAST(-MOD((dayofweek(a.entered_local) - 1) + 7, 7) AS INTEGER)) AS period_start,
    MAX(CASE WHEN t.event_at >= a.entered_at AND ((unix_timestamp(t.event_at) - unix_timestamp(a.entered_at)) / 3600.0) <= 720 THEN 1 ELSE 0 END) AS converted
  FROM conversion_0_first AS a
  LEFT JOIN conversion_0_events AS t ON t.entity = a.entity AND t.is_to = 1
  WHERE CAST(a.entered_local AS TIMESTAMP) >= CAST(:p48 AS TIMESTAMP) AND CAST(a.entered_local AS TIMESTAMP) < CAST(:p49 AS TIMESTAMP)
  GROUP BY a.entity, a.entered_at, a.entered_local
),
conversion_0 AS (
  SELECT c.period_start, CAST(COUNT(*) AS DOUBLE) AS c_0, CAST(SUM(c.converted) AS DOUBLE) AS c_1
  FROM conversion_0_cohort AS c
  GROUP BY c.period_start
),
combined AS (
  SELECT period_start, MAX(c_0) AS c_0, MAX(c_1) AS c_1
  FROM (
  SELECT period_start, c_0, c_1 FROM conversion_0
  UNION ALL
  SELECT s.period_start, CAST(NULL AS DOUBLE) AS c_0, CAST(NULL AS DOUBLE) AS c_1 FROM spine AS s
  ) AS stacked
  GROUP BY period_start
)
SELECT period_start, CAST((COALESCE(c_1, 0) / NULLIF(COALESCE(c_0, 0), 0)) AS DOUBLE) AS value
FROM combined
WHERE period_start >= CAST(:p50 AS DATE)
ORDER BY period_start