"""Record pages and the dashboard: editors built from the domain's fields."""
