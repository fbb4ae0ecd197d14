"""One writer per sheet (inputs, calculation, results, comparison, checks, charts, cover); none reads a workbook."""
