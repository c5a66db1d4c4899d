WITH spine AS (
  SELECT CAST(:p1 AS DATE) AS period_start, CAST(:p2 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p3 AS DATE) AS period_start, CAST(:p4 AS DATE) AS next_start
),
scan_0 AS (
  SELECT b.period_start, percentile(CAST(CASE WHEN b.f_1 THEN b.m_0 END AS DOUBLE), 0.9) AS c_0
  FROM (
    SELECT CAST(DATE_TRUNC('year', `_t`.`close_date`) AS DATE) AS period_start,
      `_t`.`amount` AS m_0,
      `_t`.`is_won` AS f_1
    FROM `main`.`opportunities` AS `_t`
    WHERE (NOT `_t`.`is_deleted`)
    AND `_t`.`close_date` >= CAST(:p5 AS DATE)
    AND `_t`.`close_date` < CAST(:p6 AS DATE)
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
)
SELECT period_start, CAST(c_0 AS DOUBLE) AS value
FROM combined
WHERE period_start >= CAST(:p7 AS DATE)
ORDER BY period_start