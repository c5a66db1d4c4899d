WITH spine AS (
  SELECT CAST(@p1 AS DATE) AS period_start, CAST(@p2 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p3 AS DATE) AS period_start, CAST(@p4 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p5 AS DATE) AS period_start, CAST(@p6 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p7 AS DATE) AS period_start, CAST(@p8 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p9 AS DATE) AS period_start, CAST(@p10 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p11 AS DATE) AS period_start, CAST(@p12 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p13 AS DATE) AS period_start, CAST(@p14 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p15 AS DATE) AS period_start, CAST(@p16 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p17 AS DATE) AS period_start, CAST(@p18 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p19 AS DATE) AS period_start, CAST(@p20 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p21 AS DATE) AS period_start, CAST(@p22 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p23 AS DATE) AS period_start, CAST(@p24 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p25 AS DATE) AS period_start, CAST(@p26 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p27 AS DATE) AS period_start, CAST(@p28 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p29 AS DATE) AS period_start, CAST(@p30 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p31 AS DATE) AS period_start, CAST(@p32 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p33 AS DATE) AS period_start, CAST(@p34 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p35 AS DATE) AS period_start, CAST(@p36 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p37 AS DATE) AS period_start, CAST(@p38 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p39 AS DATE) AS period_start, CAST(@p40 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p41 AS DATE) AS period_start, CAST(@p42 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p43 AS DATE) AS period_start, CAST(@p44 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(@p45 AS DATE) AS period_start, CAST(@p46 AS DATE) AS next_start
),
scan_0 AS (
  SELECT b.period_start, CAST(COUNT(*) AS FLOAT64) AS c_0
  FROM (
    SELECT DATE_ADD(CAST(CAST(`_t`.`created_at` AS DATE) AS DATE), INTERVAL CAST(-MOD((EXTRACT(DAYOFWEEK FROM `_t`.`created_at`) - 1) + 6, 7) AS INT64) DAY) AS period_start
    FROM `main`.`opportunities` AS `_t`
    WHERE (NOT `_t`.`is_deleted`)
    AND `_t`.`created_at` >= CAST(@p47 AS DATETIME)
    AND `_t`.`created_at` < CAST(@p48 AS DATETIME)
  ) AS b
  GROUP BY b.period_start
),
combined AS (
  SELECT period_start, MAX(c_0) AS c_0
  FROM (
  SELECT period_start, c_0 FROM scan_0
  UNION ALL
  SELECT s.period_start, CAST(NULL AS FLOAT64) AS c_0 FROM spine AS s
  ) AS stacked
  GROUP BY period_start
)
SELECT period_start, CAST(COALESCE(c_0, 0) AS FLOAT64) AS value
FROM combined
WHERE period_start >= CAST(@p49 AS DATE)
ORDER BY period_start