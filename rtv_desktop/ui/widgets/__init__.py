"""Widgets the pages are built from: number fields, declared forms, delegates, cards, the issue list."""
