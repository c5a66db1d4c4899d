WITH spine AS (
  SELECT CAST(:1 AS DATE) AS period_start, CAST(:2 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:3 AS DATE) AS period_start, CAST(:4 AS DATE) AS next_start
),
scan_0 AS (
  SELECT b.period_start, CAST(SUM(b.m_0) AS DOUBLE) AS c_0
  FROM (
    SELECT CAST(DATEADD(month, 1, CAST(DATE_TRUNC('quarter', CAST(DATEADD(month, -1, CAST(DATE_TRUNC('month', CONVERT_TIMEZONE('UTC', :5, "_t"."created_at")) AS DATE)) AS DATE)) AS DATE)) AS DATE) AS period_start,
      "_t"."amount" AS m_0
    FROM "main"."opportunities" AS "_t"
    WHERE (NOT "_t"."is_deleted")
    AND CONVERT_TIMEZONE('UTC', :5, "_t"."created_at") >= CAST(:6 AS TIMESTAMP_NTZ)
    AND CONVERT_TIMEZONE('UTC', :5, "_t"."created_at") < CAST(:7 AS TIMESTAMP_NTZ)
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
WHERE period_start >= CAST(:8 AS DATE)
ORDER BY period_start