"""The window's pages, one per tab: results, comparison, area, intervention mix, assumptions, all areas."""
