WITH spine AS (
  SELECT period_start, next_start FROM (VALUES
    (CAST($1 AS DATE), CAST($2 AS DATE)),
    (CAST($3 AS DATE), CAST($4 AS DATE)),
    (CAST($5 AS DATE), CAST($6 AS DATE)),
    (CAST($7 AS DATE), CAST($8 AS DATE)),
    (CAST($9 AS DATE), CAST($10 AS DATE))
  ) AS v(period_start, next_start)
),
scan_0 AS (
  SELECT b.period_start, CAST(SUM(CASE WHEN b.f_1 THEN b.m_0 END) AS DOUBLE PRECISION) AS c_0
  FROM (
    SELECT CAST(DATE_TRUNC('month', "_t"."close_date") AS DATE) AS period_start,
      "_t"."amount" AS m_0,
      "_t"."is_won" AS f_1
    FROM "main"."opportunities" AS "_t"
    WHERE (NOT "_t"."is_deleted")
    AND "_t"."close_date" >= CAST($11 AS DATE)
    AND "_t"."close_date" < CAST($12 AS DATE)
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
),
accumulated AS (
  SELECT period_start, SUM(COALESCE(c_0, 0)) OVER (PARTITION BY reset_c_0 ORDER BY period_start ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c_0
  FROM (SELECT period_start, c_0, CAST(DATE_TRUNC('quarter', period_start) AS DATE) AS reset_c_0 FROM combined) AS periods
)
SELECT period_start, CAST(c_0 AS DOUBLE PRECISION) AS value
FROM accumulated
WHERE period_start >= CAST($13 AS DATE)
ORDER BY period_start