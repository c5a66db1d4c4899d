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
),
scan_0 AS (
  SELECT b.period_start, b.d_0 AS d_0, GROUPING(b.d_0) AS g_0, CAST(SUM(b.m_0) AS FLOAT64) AS c_0
  FROM (
    SELECT DATE_TRUNC(CAST(`_t`.`created_at` AS DATE), MONTH) AS period_start,
      CAST(`account`.`segment` AS STRING) AS d_0,
      `_t`.`amount` AS m_0
    FROM `main`.`opportunities` AS `_t`
    LEFT JOIN `main`.`users` AS `owner` ON `_t`.`owner_id` = `owner`.`id`
    LEFT JOIN `main`.`accounts` AS `account` ON `_t`.`account_id` = `account`.`id`
    WHERE (NOT `_t`.`is_deleted`)
    AND (`owner`.`region` IS NULL OR CAST(`owner`.`region` AS STRING) IN (@p11))
    AND `_t`.`created_at` >= CAST(@p12 AS DATETIME)
    AND `_t`.`created_at` < CAST(@p13 AS DATETIME)
  ) AS b
  GROUP BY CUBE (b.period_start, b.d_0)
  HAVING GROUPING(b.period_start) = 0
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
  SELECT s.period_start, k.d_0, k.g_0, CAST(NULL AS FLOAT64) AS c_0 FROM spine AS s CROSS JOIN slices AS k
  ) AS stacked
  GROUP BY period_start, d_0, g_0
)
SELECT period_start, d_0, g_0, CAST(COALESCE(c_0, 0) AS FLOAT64) AS value
FROM combined
WHERE period_start >= CAST(@p14 AS DATE)
ORDER BY period_start