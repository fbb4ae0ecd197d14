"""The window's dialogs: about, guides, changes made in Excel, change of price year, case stories."""
