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
  SELECT b.period_start, CAST(COUNT(CASE WHEN b.f_0 THEN 1 END) AS DOUBLE PRECISION) AS c_0, CAST(COUNT(CASE WHEN b.f_1 THEN 1 END) AS DOUBLE PRECISION) AS c_1
  FROM (
    SELECT CAST(DATE_TRUNC('month', "_t"."close_date") AS DATE) AS period_start,
      "_t"."is_won" AS f_0,
      "_t"."is_closed" AS f_1
    FROM "main"."opportunities" AS "_t"
    WHERE (NOT "_t"."is_deleted")
    AND "_t"."close_date" >= CAST($11 AS DATE)
    AND "_t"."close_date" < CAST($12 AS DATE)
  ) AS b
  GROUP BY b.period_start
),
combined AS (
  SELECT period_start, MAX(c_0) AS c_0, MAX(c_1) AS c_1
  FROM (
  SELECT period_start, c_0, c_1 FROM scan_0
  UNION ALL
  SELECT s.period_start, CAST(NULL AS DOUBLE PRECISION) AS c_0, CAST(NULL AS DOUBLE PRECISION) AS c_1 FROM spine AS s
  ) AS stacked
  GROUP BY period_start
)
SELECT period_start, CAST((COALESCE(c_0, 0) / NULLIF(COALESCE(c_1, 0), 0)) AS DOUBLE PRECISION) AS value
FROM combined
WHERE period_start >= CAST($13 AS DATE)
ORDER BY period_start