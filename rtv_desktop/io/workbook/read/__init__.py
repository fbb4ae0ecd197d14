"""Reading a workbook back: cells and tables found by name and header, changes worded for people."""
