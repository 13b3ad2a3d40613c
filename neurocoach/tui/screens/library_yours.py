"""The Library's keys for the person's plan and own exercises: space in or out of the
plan, n a new exercise, e edit one of yours, x archive one of yours."""

from __future__ import annotations


class YourExercises:
    """Mixed into LibraryScreen: what the keys do to the highlighted exercise
    (`current_id`), and the list shown again after (`_show_detail`, `refresh_list`,
    `select_exercise`)."""

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
