WITH spine AS (
  SELECT period_start, next_start FROM (VALUES
    (CAST($1 AS DATE), CAST($2 AS DATE)),
    (CAST($3 AS DATE), CAST($4 AS DATE)),
    (CAST($5 AS DATE), CAST($6 AS DATE))
  ) AS v(period_start, next_start)
),
scan_0 AS (
  SELECT b.period_start, b.d_0 AS d_0, GROUPING(b.d_0) AS g_0, b.d_1 AS d_1, GROUPING(b.d_1) AS g_1, AVG(CAST(CASE WHEN b.f_1 THEN b.m_0 END AS DOUBLE PRECISION)) AS c_0
  FROM (
    SELECT CAST(DATE_TRUNC('quarter', "_t"."close_date") AS DATE) AS period_start,
      CAST("owner"."region" AS TEXT) AS d_0,
      CAST("account"."segment" AS TEXT) AS d_1,
      "_t"."amount" AS m_0,
      "_t"."is_won" AS f_1
    FROM "main"."opportunities" AS "_t"
    LEFT JOIN "main"."users" AS "owner" ON "_t"."owner_id" = "owner"."id"
    LEFT JOIN "main"."accounts" AS "account" ON "_t"."account_id" = "account"."id"
    WHERE (NOT "_t"."is_deleted")
    AND "_t"."close_date" >= CAST($7 AS DATE)
    AND "_t"."close_date" < CAST($8 AS DATE)
  ) AS b
  GROUP BY b.period_start, CUBE (b.d_0, b.d_1)
),
slices AS (
  SELECT DISTINCT d_0, g_0, d_1, g_1 FROM (
  SELECT d_0, g_0, d_1, g_1 FROM scan_0
  UNION ALL
  SELECT CAST(NULL AS TEXT), 1, CAST(NULL AS TEXT), 1
  ) AS all_slices
),
combined AS (
  SELECT period_start, d_0, g_0, d_1, g_1, MAX(c_0) AS c_0
  FROM (
  SELECT period_start, d_0, g_0, d_1, g_1, c_0 FROM scan_0
  UNION ALL
  SELECT s.period_start, k.d_0, k.g_0, k.d_1, k.g_1, CAST(NULL AS DOUBLE PRECISION) AS c_0 FROM spine AS s CROSS JOIN slices AS k
  ) AS stacked
  GROUP BY period_start, d_0, g_0, d_1, g_1
)
SELECT period_start, d_0, g_0, d_1, g_1, CAST(c_0 AS DOUBLE PRECISION) AS value
FROM combined
WHERE period_start >= CAST($9 AS DATE)
ORDER BY period_start