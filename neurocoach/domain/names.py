"""The fixed names and values every layer shares, without the models' dataclasses: the
store's queries and `neurocoach status` (which runs at every login) read these without
importing `dataclasses` (and with it `inspect`, `ast`, `dis`: about 9 ms)."""

from __future__ import annotations

SYMPTOMS = ("pain", "numbness", "tingling", "burning")
OPTIONAL_SYMPTOMS = SYMPTOMS[1:]
"""The scores a check-in may leave out (pain is always asked)."""
FEET_STATES = ("ok", "skin", "hot", "unchecked")
"""The daily look at the feet: fine; a skin problem (blister, cut, wound, red spot); warm,
red or swollen; not looked. ('sore', the old word, reads as 'skin'.)"""
FOOT_SIDES = ("left", "right", "both")
"""Which foot a skin problem or a hot foot is on."""
FEET_SIDES = ("both", "left", "right", "neither")
RESTRICTIONS = ("none", "no_weight_bearing")
STATUSES = ("done", "skipped")
RATINGS = {1: "easy", 2: "right", 3: "hard"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


SCREENING_ANSWERS = ("yes", "no", "unsure")
"""An answer to a screening question; None (never asked) counts as "unsure"."""

PROFILE_DAYS_PER_WEEK = 5
PROFILE_REST_DAYS = (2, 6)
"""A profile's training days and rest days (weekday numbers, Monday = 0) when none are
saved: what "skip" gives."""
