"""The Library's keys for the person's plan and own exercises: space in or out of the
plan, n a new exercise, e edit one of yours, x archive one of yours; and the lines about
the person's own use of the highlighted exercise (in the plan, its level)."""

from __future__ import annotations


class YourExercises:
    """Mixed into LibraryScreen: what the keys do to the highlighted exercise
    (`current_id`), and the list shown again after (`_show_detail`, `refresh_list`,
    `select_exercise`)."""

    def _yours(self, exercise_id: str) -> list[str]:
        """In the plan or not, and the level: read again whenever anything was written (the
        plan may have changed) or the day changed. The first exercise shown is read alone
        (opening stays quick); the levels of every exercise in the list are read at once
        after that (`_read_levels`), so a cursor move reads nothing (issue 17)."""
        _, plan, views = self._level_views()
        if exercise_id not in views:
            self._read_levels([exercise_id] if not views else [exercise_id, *self.shown[2]],
                              (plan, views))
        view = views[exercise_id]
        inside = exercise_id in plan.exercise_ids
        lines = ["In your plan (space takes it out)" if inside
                 else "Not in your plan (space puts it in)"]
        if view is not None:
            lines.append(view.title)
            if view.why:
                lines.append(view.why)
        return lines

    def _level_views(self) -> tuple:
        """(stamp, the plan, exercise id -> its level view), made afresh when anything
        was written or the day changed."""
        from neurocoach.tui.app_calls import person_plan

        stamp = (self.app.clock.today(), self.app.store.data_stamp())
        if self._levels[0] != stamp:
            self._levels = (stamp, person_plan(self.app), {})
        return self._levels

    def _read_levels(self, ids: list[str] | None = None, kept: tuple | None = None) -> None:
        """Read the levels of these exercises (the listed ones) not read yet, in one go
        (`kept`: the plan and views `_level_views` just gave, not asked for again)."""
        from neurocoach.tui.app_calls import level_views

        if not self.is_attached:
            return
        plan, views = kept or self._level_views()[1:]
        missing = [i for i in dict.fromkeys(self.shown[2] if ids is None else ids)
                   if i not in views]
        if missing:
            found = level_views(self.app, plan, missing)
            views.update({i: found.get(i) for i in missing})

    def action_toggle_plan(self) -> None:
        from neurocoach.tui.plan_edits import set_in_plan
        from neurocoach.tui.app_calls import person_plan

        if self.current_id is not None:
            inside = self.current_id in person_plan(self.app).exercise_ids
            set_in_plan(self.app, self.current_id, not inside)
            self._show_detail()

    def action_new_exercise(self) -> None:
        from neurocoach.tui.screens.custom_exercise import CustomExerciseScreen

        self.app.push_screen(CustomExerciseScreen(), self._saved_exercise)

    def action_edit_exercise(self) -> None:
        from neurocoach.tui.screens.custom_exercise import CustomExerciseScreen

        if self.current_id is None:
            return
        if not self.app.catalog.get(self.current_id).custom:
            self.notify("Built-in exercises cannot be changed; n makes one of your own.",
                        severity="warning")
            return
        self.app.push_screen(CustomExerciseScreen(self.current_id), self._saved_exercise)

    def _saved_exercise(self, exercise_id: str | None) -> None:
        if exercise_id:
            self.select_exercise(exercise_id)

    def action_archive_exercise(self) -> None:
        from neurocoach.tui.plan_edits import archive

        if self.current_id is not None and archive(self.app, self.current_id):
            self.refresh_list()  # the highlight moves to its neighbour
