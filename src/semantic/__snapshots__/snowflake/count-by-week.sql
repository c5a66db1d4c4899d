WITH spine AS (
  SELECT CAST(:1 AS DATE) AS period_start, CAST(:2 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:3 AS DATE) AS period_start, CAST(:4 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:5 AS DATE) AS period_start, CAST(:6 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:7 AS DATE) AS period_start, CAST(:8 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:9 AS DATE) AS period_start, CAST(:10 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:11 AS DATE) AS period_start, CAST(:12 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:13 AS DATE) AS period_start, CAST(:14 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:15 AS DATE) AS period_start, CAST(:16 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:17 AS DATE) AS period_start, CAST(:18 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:19 AS DATE) AS period_start, CAST(:20 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:21 AS DATE) AS period_start, CAST(:22 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:23 AS DATE) AS period_start, CAST(:24 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:25 AS DATE) AS period_start, CAST(:26 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:27 AS DATE) AS period_start, CAST(:28 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:29 AS DATE) AS period_start, CAST(:30 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:31 AS DATE) AS period_start, CAST(:32 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:33 AS DATE) AS period_start, CAST(:34 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:35 AS DATE) AS period_start, CAST(:36 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:37 AS DATE) AS period_start, CAST(:38 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:39 AS DATE) AS period_start, CAST(:40 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:41 AS DATE) AS period_start, CAST(:42 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:43 AS DATE) AS period_start, CAST(:44 AS DATE) AS next_start
  UNION ALL
  SELECT CAST(:45 AS DATE) AS period_start, CAST(:46 AS DATE) AS next_start
),
scan_0 AS (
  SELECT b.period_start, CAST(COUNT(*) AS DOUBLE) AS c_0
  FROM (
    SELECT CAST(DATEADD(day, CAST(-MOD(MOD(DAYOFWEEKISO("_t"."created_at"), 7) + 6, 7) AS INTEGER), CAST("_t"."created_at" AS DATE)) AS DATE) AS period_start
    FROM "main"."opportunities" AS "_t"
    WHERE (NOT "_t"."is_deleted")
    AND "_t"."created_at" >= CAST(:47 AS TIMESTAMP_NTZ)
    AND "_t"."created_at" < CAST(:48 AS TIMESTAMP_NTZ)
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
)
SELECT period_start, CAST(COALESCE(c_0, 0) AS DOUBLE) AS value
FROM combined
WHERE period_start >= CAST(:49 AS DATE)
ORDER BY period_start