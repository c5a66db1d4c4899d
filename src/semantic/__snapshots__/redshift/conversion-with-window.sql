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
  UNION ALL
  SELECT CAST($29 AS DATE) AS period_start, CAST($30 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($31 AS DATE) AS period_start, CAST($32 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($33 AS DATE) AS period_start, CAST($34 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($35 AS DATE) AS period_start, CAST($36 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($37 AS DATE) AS period_start, CAST($38 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($39 AS DATE) AS period_start, CAST($40 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($41 AS DATE) AS period_start, CAST($42 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($43 AS DATE) AS period_start, CAST($44 AS DATE) AS next_start
  UNION ALL
  SELECT CAST($45 AS DATE) AS period_start, CAST($46 AS DATE) AS next_start
),
conversion_0_events AS (
  SELECT "_t"."opportunity_id" AS entity,
    "_t"."changed_at" AS event_at,
    CONVERT_TIMEZONE($47, "_t"."changed_at") AS event_local,
    CASE WHEN ("_t"."stage_name" = $48) THEN 1 ELSE 0 END AS is_from,
    CASE WHEN ("_t"."stage_name" = $49) THEN 1 ELSE 0 END AS is_to,
    CASE WHEN TRUE THEN 1 ELSE 0 END AS requested
  FROM "main"."stage_history" AS "_t"
),
conversion_0_first AS (
  SELECT entity, event_at AS entered_at, event_local AS entered_local
  FROM (
    SELECT entity, event_at, event_local, requested, ROW_NUMBER() OVER (PARTITION BY entity ORDER BY event_at) AS entry_rank
    FROM conversion_0_events WHERE is_from = 1
  ) AS e
  WHERE entry_rank = 1 AND requested = 1
),
conversion_0_cohort AS (
  SELECT a.entity, CAST(DATEADD(day, CAST(-MOD(EXTRACT(DOW FROM a.entered_local) + 6, 7) AS INTEGER), CAST(a.entered_local AS DATE)) AS DATE) AS period_start,
    MAX(CASE WHEN t.event_at >= a.entered_at AND (DATEDIFF(second, CAST(a.entered_at AS TIMESTAMP), CAST(t.event_at AS TIMESTAMP)) / 3600.0) <= 720 THEN 1 ELSE 0 END) AS converted
  FROM conversion_0_first AS a
  LEFT JOIN conversion_0_events AS t ON t.entity = a.entity AND t.is_to = 1
  WHERE CAST(a.entered_local AS TIMESTAMP) >= CAST($50 AS TIMESTAMP) AND CAST(a.entered_local AS TIMESTAMP) < CAST($51 AS TIMESTAMP)
  GROUP BY a.entity, a.entered_at, a.entered_local
),
conversion_0 AS (
  SELECT c.period_start, CAST(COUNT(*) AS DOUBLE PRECISION) AS c_0, CAST(SUM(c.converted) AS DOUBLE PRECISION) AS c_1
  FROM conversion_0_cohort AS c
  GROUP BY c.period_start
),
combined AS (
  SELECT period_start, MAX(c_0) AS c_0, MAX(c_1) AS c_1
  FROM (
  SELECT period_start, c_0, c_1 FROM conversion_0
  UNION ALL
  SELECT s.period_start, CAST(NULL AS DOUBLE PRECISION) AS c_0, CAST(NULL AS DOUBLE PRECISION) AS c_1 FROM spine AS s
  ) AS stacked
  GROUP BY period_start
)
SELECT period_start, CAST((COALESCE(c_1, 0) / NULLIF(COALESCE(c_0, 0), 0)) AS DOUBLE PRECISION) AS value
FROM combined
WHERE period_start >= CAST($52 AS DATE)
ORDER BY period_start