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
snapshot_0_versions AS (
  SELECT CAST(from_utc_timestamp(`_t`.`changed_at`, :p11) AS TIMESTAMP) AS valid_from,
    CAST(from_utc_timestamp(LEAD(`_t`.`changed_at`) OVER (PARTITION BY `_t`.`opportunity_id` ORDER BY `_t`.`changed_at`), :p11) AS TIMESTAMP) AS valid_to,
    CAST(`_t`.`stage_name` AS STRING) AS d_0,
    `_t`.`amount` AS carried_0,
    `_t`.`stage_name` AS carried_1,
    CASE WHEN TRUE THEN 1 ELSE 0 END AS requested
  FROM `main`.`stage_history` AS `_t`
),
snapshot_0 AS (
  SELECT s.period_start, v.d_0 AS d_0, GROUPING(v.d_0) AS g_0, CAST(SUM(CASE WHEN ((v.carried_1 NOT IN (:p12, :p13))) THEN v.carried_0 END) AS DOUBLE) AS c_0
  FROM spine AS s
  JOIN snapshot_0_versions AS v ON v.valid_from < CAST(s.next_start AS TIMESTAMP) AND (v.valid_to IS NULL OR v.valid_to >= CAST(s.next_start AS TIMESTAMP))
  WHERE v.requested = 1
  GROUP BY s.period_start, CUBE (v.d_0)
),
slices AS (
  SELECT DISTINCT d_0, g_0 FROM (
  SELECT d_0, g_0 FROM snapshot_0
  UNION ALL
  SELECT CAST(NULL AS STRING), 1
  ) AS all_slices
),
combined AS (
  SELECT period_start, d_0, g_0, MAX(c_0) AS c_0
  FROM (
  SELECT period_start, d_0, g_0, c_0 FROM snapshot_0
  UNION ALL
  SELECT s.period_start, k.d_0, k.g_0, CAST(NULL AS DOUBLE) AS c_0 FROM spine AS s CROSS JOIN slices AS k
  ) AS stacked
  GROUP BY period_start, d_0, g_0
)
SELECT period_start, d_0, g_0, CAST(COALESCE(c_0, 0) AS DOUBLE) AS value
FROM combined
WHERE period_start >= CAST(:p14 AS DATE)
ORDER BY period_start