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
  SELECT b.period_start, CAST(COUNT(DISTINCT b.m_0) AS DOUBLE PRECISION) AS c_0
  FROM (
    SELECT CAST("_t"."created_at" AS DATE) AS period_start,
      "_t"."account_id" AS m_0
    FROM "main"."opportunities" AS "_t"
    WHERE (NOT "_t"."is_deleted")
    AND "_t"."created_at" >= CAST($29 AS TIMESTAMP)
    AND "_t"."created_at" < CAST($30 AS TIMESTAMP)
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
WHERE period_start >= CAST($31 AS DATE)
ORDER BY period_start