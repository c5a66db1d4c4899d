WITH spine AS (
  SELECT CAST($1 AS DATE) AS period_start, CAST($2 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($3 AS DATE) AS period_start, CAST($4 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($5 AS DATE) AS period_start, CAST($6 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($7 AS DATE) AS period_start, CAST($8 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($9 AS DATE) AS period_start, CAST($10 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($11 AS DATE) AS period_start, CAST($12 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($13 AS DATE) AS period_start, CAST($14 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($15 AS DATE) AS period_start, CAST($16 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($17 AS DATE) AS period_start, CAST($18 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($19 AS DATE) AS period_start, CAST($20 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($21 AS DATE) AS period_start, CAST($22 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($23 AS DATE) AS period_start, CAST($24 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($25 AS DATE) AS period_start, CAST($26 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($27 AS DATE) AS period_start, CAST($28 AS DATE) AS next_start
),
scan_0 AS (
  SELECT b.period_start, CAST(SUM(CASE WHEN b.f_1 THEN b.m_0 END) AS DOUBLE PRECISION) AS c_0
  FROM (
    SELECT CAST(DATEADD(day, CAST(-MOD(EXTRACT(DOW FROM "_t"."close_date") + 6, 7) AS INTEGER), CAST("_t"."close_date" AS DATE)) AS DATE) AS period_start,
      "_t"."amount" AS m_0,
      "_t"."is_won" AS f_1
    FROM "main"."opportunities" AS "_t"
    WHERE (NOT "_t"."is_deleted")
    AND "_t"."close_date" < CAST($29 AS DATE)
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
  SELECT period_start, SUM(COALESCE(c_0, 0)) OVER (ORDER BY period_start ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c_0
  FROM (SELECT period_start, c_0 FROM combined) AS periods
)
SELECT period_start, CAST(c_0 AS DOUBLE PRECISION) AS value
FROM accumulated
WHERE period_start >= CAST($30 AS DATE)
ORDER BY period_start