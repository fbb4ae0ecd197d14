"""The Excel workbook: its layout, styles and formulas here; sheets/ writes it, read/ reads it back.

Nothing is imported here: openpyxl is slow to import, and only a workbook read or written needs it.
"""
