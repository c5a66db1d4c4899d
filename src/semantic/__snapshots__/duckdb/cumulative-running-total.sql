WITH spine AS (
  SELECT period_start, next_start FROM (VALUES
    (CAST($1 AS DATE), CAST($2 AS DATE)),
    (CAST($3 AS DATE), CAST($4 AS DATE)),
    (CAST($5 AS DATE), CAST($6 AS DATE)),
    (CAST($7 AS DATE), CAST($8 AS DATE)),
    (CAST($9 AS DATE), CAST($10 AS DATE)),
    (CAST($11 AS DATE), CAST($12 AS DATE)),
    (CAST($13 AS DATE), CAST($14 AS DATE)),
    (CAST($15 AS DATE), CAST($16 AS DATE)),
    (CAST($17 AS DATE), CAST($18 AS DATE)),
    (CAST($19 AS DATE), CAST($20 AS DATE)),
    (CAST($21 AS DATE), CAST($22 AS DATE)),
    (CAST($23 AS DATE), CAST($24 AS DATE)),
    (CAST($25 AS DATE), CAST($26 AS DATE)),
    (CAST($27 AS DATE), CAST($28 AS DATE))
  ) AS v(period_start, next_start)
),
scan_0 AS (
  SELECT b.period_start, CAST(SUM(CASE WHEN b.f_1 THEN b.m_0 END) AS DOUBLE) AS c_0
  FROM (
    SELECT CAST(CAST("_t"."close_date" AS DATE) + CAST(-MOD(dayofweek("_t"."close_date") + 6, 7) AS INTEGER) AS DATE) AS period_start,
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
  SELECT s.period_start, CAST(NULL AS DOUBLE) AS c_0 FROM spine AS s
  ) AS stacked
  GROUP BY period_start
),
accumulated AS (
  SELECT period_start, SUM(COALESCE(c_0, 0)) OVER (ORDER BY period_start ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c_0
  FROM (SELECT period_start, c_0 FROM combined) AS periods
)
SELECT period_start, CAST(c_0 AS DOUBLE) AS value
FROM accumulated
WHERE period_start >= CAST($30 AS DATE)
ORDER BY period_start