WITH spine AS (
  SELECT CAST($1 AS DATE) AS period_start, CAST($2 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($3 AS DATE) AS period_start, CAST($4 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($5 AS DATE) AS period_start, CAST($6 AS DATE) AS next_start
),
scan_0 AS (
  SELECT b.period_start, AVG(CAST(CASE WHEN b.f_1 THEN b.m_0 END AS DOUBLE PRECISION)) AS c_0
  FROM (
    SELECT CAST(DATE_TRUNC('quarter', "_t"."close_date") AS DATE) AS period_start,
      (CAST("_t"."close_date" AS DATE) - CAST("_t"."created_at" AS DATE)) AS m_0,
      "_t"."is_won" AS f_1
    FROM "main"."opportunities" AS "_t"
    WHERE (NOT "_t"."is_deleted")
    AND "_t"."close_date" >= CAST($7 AS DATE)
    AND "_t"."close_date" < CAST($8 AS DATE)
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
SELECT period_start, CAST(c_0 AS DOUBLE PRECISION) AS value
FROM combined
WHERE period_start >= CAST($9 AS DATE)
ORDER BY period_start