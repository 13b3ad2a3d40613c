"""Each use case once: takes the store, the catalog and the clock's time, returns domain
data; the TUI's screens and the CLI's commands are thin callers. No Textual, no click.

today      Today's view, enter's start or resume        levels   each exercise's level
checkin    merge, record, baseline, effects              plan     stored/followed, save, import
progress   Progress's figures                            adherence the streak and day states
session    the summary's figures                         status   the login line (light)
report     the report's figures (from an export)         demo     made-up history

A figure a person reads (streak, minutes, estimate, level, "20 days ago") comes from one
function here or in coach/ and domain.words, whichever surface shows it.
"""
