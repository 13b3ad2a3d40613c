"""Display settings kept with the profile (one row, id 1): whether drawings move."""

from __future__ import annotations

import datetime as dt
import json


class SettingsQueries:
    """Mixed into Store: uses its `conn` and `_write`."""

    def movement(self) -> bool:
        """True unless the person switched the drawings' movement off."""
        row = self.conn.execute("SELECT movement FROM profile WHERE id = 1").fetchone()
        return row is None or bool(row[0])

    def set_movement(self, on: bool, now: dt.datetime) -> None:
        """Save the choice; a DB without a profile yet gets the default one with it (the
        welcome is still to come: welcomed_at stays empty)."""
        from neurocoach.domain.models import Profile  # here: `status` needs no dataclasses

        default = Profile()
        self._write(
            "INSERT INTO profile (id, birth_year, feet, days_per_week, rest_days, restriction,"
            " updated_at, movement) VALUES (1, NULL, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET movement = excluded.movement",
            [default.feet, default.days_per_week, json.dumps(sorted(default.rest_days)),
             default.restriction, now.isoformat(), int(on)],
        )
