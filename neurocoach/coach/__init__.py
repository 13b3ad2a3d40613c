"""Pure domain logic: routines, safety rules, progression, stats.

No I/O, no SQL, no Textual, no clock reads: plain data in, plain data out.
"""
