WITH spine AS (
  SELECT period_start, next_start FROM (VALUES
    (CAST($1 AS DATE), CAST($2 AS DATE)),
    (CAST($3 AS DATE), CAST($4 AS DATE))
  ) AS v(period_start, next_start)
),
scan_0 AS (
  SELECT b.period_start, CAST(SUM(b.m_0) AS DOUBLE PRECISION) AS c_0
  FROM (
    SELECT CAST(CAST(DATE_TRUNC('quarter', CAST(CAST(DATE_TRUNC('month', timezone($5, timezone('UTC', "_t"."created_at"))) AS DATE) + INTERVAL '-1 months' AS DATE)) AS DATE) + INTERVAL '1 months' AS DATE) AS period_start,
      "_t"."amount" AS m_0
    FROM "main"."opportunities" AS "_t"
    WHERE (NOT "_t"."is_deleted")
    AND timezone($5, timezone('UTC', "_t"."created_at")) >= CAST($6 AS TIMESTAMP)
    AND timezone($5, timezone('UTC', "_t"."created_at")) < CAST($7 AS TIMESTAMP)
  ) AS b
  GROUP BY b.period_start
),
combined AS (
  SELECT period_start, MAX(c_0) AS c_0
  FROM (
  SELECT period_start, c_0 FROM scan_0
  UNION ALL
  SELECT s.period_start, CAST(NULL AS DOUBLE PRECISION) AS c_0 FROM spine AS s
  ) AS stacked
  GROUP BY period_start
)
SELECT period_start, CAST(COALESCE(c_0, 0) AS DOUBLE PRECISION) AS value
FROM combined
WHERE period_start >= CAST($8 AS DATE)
ORDER BY period_start