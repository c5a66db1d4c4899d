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
),
scan_0 AS (
  SELECT b.period_start, CAST(SUM(CASE WHEN b.f_1 THEN b.m_0 END) AS DOUBLE) AS c_0
  FROM (
    SELECT date_add(CAST(CAST(`_t`.`close_date` AS DATE) AS DATE), CAST(-MOD((dayofweek(`_t`.`close_date`) - 1) + 6, 7) AS INTEGER)) AS period_start,
      `_t`.`amount` AS m_0,
      `_t`.`is_won` AS f_1
    FROM `main`.`opportunities` AS `_t`
    WHERE (NOT `_t`.`is_deleted`)
    AND `_t`.`close_date` < CAST(:p29 AS DATE)
  ) AS b
  GROUP BY b.period_start
),
combined AS (
  SELECT period_start, MAX(c_0) AS c_0
  FROM (
  SELECT period_start, c_0 FROM scan_0
  UNION ALL
  SELECT s.period_start, CAST(NULL AS DOUBLE) AS c_0 FROM spine AS s
  ) AS stacked
  GROUP BY period_start
),
accumulated AS (
  SELECT period_start, SUM(COALESCE(c_0, 0)) OVER (ORDER BY period_start ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c_0
  FROM (SELECT period_start, c_0 FROM combined) AS periods
)
SELECT period_start, CAST(c_0 AS DOUBLE) AS value
FROM accumulated
WHERE period_start >= CAST(:p30 AS DATE)
ORDER BY period_start