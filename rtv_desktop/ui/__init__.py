"""The window: pages, item models, widgets, dialogs, controllers and charts; no maths, no file parsing."""
