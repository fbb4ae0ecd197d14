"""The Qt item models behind the window's tables (interventions, services, baseline use, comparison, areas)."""
