WITH spine AS (
  SELECT CAST(:p1 AS DATE) AS period_start, CAST(:p2 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:p3 AS DATE) AS period_start, CAST(:p4 AS DATE) AS next_start
),
scan_0 AS (
  SELECT b.period_start, CAST(SUM(b.m_0) AS DOUBLE) AS c_0
  FROM (
    SELECT add_months(CAST(CAST(DATE_TRUNC('quarter', add_months(CAST(CAST(DATE_TRUNC('month', from_utc_timestamp(`_t`.`created_at`, :p5)) AS DATE) AS DATE), -1)) AS DATE) AS DATE), 1) AS period_start,
      `_t`.`amount` AS m_0
    FROM `main`.`opportunities` AS `_t`
    WHERE (NOT `_t`.`is_deleted`)
    AND from_utc_timestamp(`_t`.`created_at`, :p5) >= CAST(:p6 AS TIMESTAMP)
    AND from_utc_timestamp(`_t`.`created_at`, :p5) < CAST(:p7 AS TIMESTAMP)
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
SELECT period_start, CAST(COALESCE(c_0, 0) AS DOUBLE) AS value
FROM combined
WHERE period_start >= CAST(:p8 AS DATE)
ORDER BY period_start