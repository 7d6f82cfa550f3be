// The expected yearly weighted activity count of unit `u` (design.md section 5): $expected[u.kind], 24 for a kind
// the map does not name. The divisor of pressure; see activity-weight.
coalesce($expected[u.kind], 24.0)
