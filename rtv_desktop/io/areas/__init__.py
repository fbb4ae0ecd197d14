"""Area tables: the bundled ONS and Census figures, tables a user imports, and every area valued at once."""
