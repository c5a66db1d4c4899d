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
  SELECT b.period_start, b.d_0 AS d_0, GROUPING(b.d_0) AS g_0, CAST(SUM(CASE WHEN b.f_1 THEN b.m_0 END) AS DOUBLE) AS c_0
  FROM (
    SELECT CAST(DATE_TRUNC('month', `_t`.`close_date`) AS DATE) AS period_start,
      CAST(`owner`.`region` AS STRING) AS d_0,
      `_t`.`amount` AS m_0,
      `_t`.`is_won` AS f_1
    FROM `main`.`opportunities` AS `_t`
    LEFT JOIN `main`.`users` AS `owner` ON `_t`.`owner_id` = `owner`.`id`
    WHERE (NOT `_t`.`is_deleted`)
    AND `_t`.`close_date` >= CAST(:p11 AS DATE)
    AND `_t`.`close_date` < CAST(:p12 AS DATE)
  ) AS b
  GROUP BY b.period_start, CUBE (b.d_0)
),
slices AS (
  SELECT DISTINCT d_0, g_0 FROM (
  SELECT d_0, g_0 FROM scan_0
  UNION ALL
  SELECT CAST(NULL AS STRING), 1
  ) AS all_slices
),
combined AS (
  SELECT period_start, d_0, g_0, MAX(c_0) AS c_0
  FROM (
  SELECT period_start, d_0, g_0, c_0 FROM scan_0
  UNION ALL
  SELECT s.period_start, k.d_0, k.g_0, CAST(NULL AS DOUBLE) AS c_0 FROM spine AS s CROSS JOIN slices AS k
  ) AS stacked
  GROUP BY period_start, d_0, g_0
)
SELECT period_start, d_0, g_0, CAST(COALESCE(c_0, 0) AS DOUBLE) AS value
FROM combined
WHERE period_start >= CAST(:p13 AS DATE)
ORDER BY period_start