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
conversion_0_events AS (
  SELECT "_t"."opportunity_id" AS entity,
    "_t"."changed_at" AS event_at,
    timezone($47, "_t"."changed_at") AS event_local,
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
  SELECT a.entity, CAST(CAST(a.entered_local AS DATE) + CAST(-MOD(dayofweek(a.entered_local) + 6, 7) AS INTEGER) AS DATE) AS period_start,
    MAX(CASE WHEN t.event_at >= a.entered_at AND (date_diff('second', CAST(a.entered_at AS TIMESTAMP), CAST(t.event_at AS TIMESTAMP)) / 3600.0) <= 720 THEN 1 ELSE 0 END) AS converted
  FROM conversion_0_first AS a
  LEFT JOIN conversion_0_events AS t ON t.entity = a.entity AND t.is_to = 1
  WHERE CAST(a.entered_local AS TIMESTAMP) >= CAST($50 AS TIMESTAMP) AND CAST(a.entered_local AS TIMESTAMP) < CAST($51 AS TIMESTAMP)
  GROUP BY a.entity, a.entered_at, a.entered_local
),
conversion_0 AS (
  SELECT c.period_start, CAST(COUNT(*) AS DOUBLE) AS c_0, CAST(SUM(c.converted) AS DOUBLE) AS c_1
  FROM conversion_0_cohort AS c
  GROUP BY c.period_start
),
combined AS (
  SELECT period_start, MAX(c_0) AS c_0, MAX(c_1) AS c_1
  FROM (
  SELECT period_start, c_0, c_1 FROM conversion_0
  UNION ALL
  SELECT s.period_start, CAST(NULL AS DOUBLE) AS c_0, CAST(NULL AS DOUBLE) AS c_1 FROM spine AS s
  ) AS stacked
  GROUP BY period_start
)
SELECT period_start, CAST((COALESCE(c_1, 0) / NULLIF(COALESCE(c_0, 0), 0)) AS DOUBLE) AS value
FROM combined
WHERE period_start >= CAST($52 AS DATE)
ORDER BY period_start