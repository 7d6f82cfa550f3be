// The pressure weight of one activity `a` (design.md section 5): weight(kind) × count, an activity without count
// counting 1 and a kind without a weight in $weights weighing 1; 0 when `a` is null (an OPTIONAL MATCH without a
// row). pressure(unit) = sum(activity-weight) over the trailing year ÷ expected-yearly.
CASE WHEN a IS NULL THEN 0.0 ELSE coalesce($weights[a.kind], 1.0) * coalesce(a.count, 1) END
