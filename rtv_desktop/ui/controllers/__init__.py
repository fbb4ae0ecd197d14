"""What the window does, apart from showing: file actions, computing on the worker, autosave, help links."""
