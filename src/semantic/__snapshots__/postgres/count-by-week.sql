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
    (CAST($27 AS DATE), CAST($28 AS DATE)),
    (CAST($29 AS DATE), CAST($30 AS DATE)),
    (CAST($31 AS DATE), CAST($32 AS DATE)),
    (CAST($33 AS DATE), CAST($34 AS DATE)),
    (CAST($35 AS DATE), CAST($36 AS DATE)),
    (CAST($37 AS DATE), CAST($38 AS DATE)),
    (CAST($39 AS DATE), CAST($40 AS DATE)),
    (CAST($41 AS DATE), CAST($42 AS DATE)),
    (CAST($43 AS DATE), CAST($44 AS DATE)),
    (CAST($45 AS DATE), CAST($46 AS DATE))
  ) AS v(period_start, next_start)
),
scan_0 AS (
  SELECT b.period_start, CAST(COUNT(*) AS DOUBLE PRECISION) AS c_0
  FROM (
    SELECT CAST(CAST("_t"."created_at" AS DATE) + CAST(-MOD(EXTRACT(DOW FROM "_t"."created_at") + 6, 7) AS INTEGER) AS DATE) AS period_start
    FROM "main"."opportunities" AS "_t"
    WHERE (NOT "_t"."is_deleted")
    AND "_t"."created_at" >= CAST($47 AS TIMESTAMP)
    AND "_t"."created_at" < CAST($48 AS TIMESTAMP)
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
WHERE period_start >= CAST($49 AS DATE)
ORDER BY period_start