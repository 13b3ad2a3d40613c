"""The export file, both ways: the document (document), written as JSON (json) or CSV
tables (csv), and read back and checked (read, rows, quick, v2) into rows the store
inserts. No SQL here: the store reads and writes the tables (store/exchange.py)."""
