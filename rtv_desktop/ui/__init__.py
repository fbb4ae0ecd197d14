"""Widgets, item models and charts: no maths, no file parsing."""
