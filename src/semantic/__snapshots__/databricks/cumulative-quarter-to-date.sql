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
),
scan_0 AS (
  SELECT b.period_start, CAST(SUM(CASE WHEN b.f_1 THEN b.m_0 END) AS DOUBLE) AS c_0
  FROM (
    SELECT CAST(DATE_TRUNC('month', `_t`.`close_date`) AS DATE) AS period_start,
      `_t`.`amount` AS m_0,
      `_t`.`is_won` AS f_1
    FROM `main`.`opportunities` AS `_t`
    WHERE (NOT `_t`.`is_deleted`)
    AND `_t`.`close_date` >= CAST(:p11 AS DATE)
    AND `_t`.`close_date` < CAST(:p12 AS DATE)
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
  SELECT period_start, SUM(COALESCE(c_0, 0)) OVER (PARTITION BY reset_c_0 ORDER BY period_start ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c_0
  FROM (SELECT period_start, c_0, CAST(DATE_TRUNC('quarter', period_start) AS DATE) AS reset_c_0 FROM combined) AS periods
)
SELECT period_start, CAST(c_0 AS DOUBLE) AS value
FROM accumulated
WHERE period_start >= CAST(:p13 AS DATE)
ORDER BY period_start