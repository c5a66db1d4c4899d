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
  SELECT b.period_start, b.d_0 AS d_0, GROUPING(b.d_0) AS g_0, CAST(SUM(b.m_0) AS DOUBLE) AS c_0
  FROM (
    SELECT CAST(DATE_TRUNC('month', "_t"."created_at") AS DATE) AS period_start,
      CAST("account"."segment" AS VARCHAR) AS d_0,
      "_t"."amount" AS m_0
    FROM "main"."opportunities" AS "_t"
    LEFT JOIN "main"."users" AS "owner" ON "_t"."owner_id" = "owner"."id"
    LEFT JOIN "main"."accounts" AS "account" ON "_t"."account_id" = "account"."id"
    WHERE (NOT "_t"."is_deleted")
    AND ("owner"."region" IS NULL OR CAST("owner"."region" AS VARCHAR) IN ($11))
    AND "_t"."created_at" >= CAST($12 AS TIMESTAMP)
    AND "_t"."created_at" < CAST($13 AS TIMESTAMP)
  ) AS b
  GROUP BY b.period_start, CUBE (b.d_0)
),
slices AS (
  SELECT DISTINCT d_0, g_0 FROM (
  SELECT d_0, g_0 FROM scan_0
  UNION ALL
  SELECT CAST(NULL AS VARCHAR), 1
  ) AS all_slices
),
combined AS (
  SELECT period_start, d_0, g_0, MAX(c_0) AS c_0
  FROM (
  SELECT period_start, d_0, g_0, c_0 FROM scan_0
  UNION ALL
  SELECT s.period_start, k.d_0, k.g_0, CAST(NULL AS DOUBLE) AS c_0 FROM spine AS s CROSS JOIN slices AS k
  ) AS stacked
  GROUP BY period_start, d_0, g_0
)
SELECT period_start, d_0, g_0, CAST(COALESCE(c_0, 0) AS DOUBLE) AS value
FROM combined
WHERE period_start >= CAST($14 AS DATE)
ORDER BY period_start