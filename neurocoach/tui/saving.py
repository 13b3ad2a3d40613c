"""The marker a failed write returns (see `NeurocoachApp.write`)."""

NOT_SAVED = object()
"""Returned by `NeurocoachApp.write` when the store could not save."""
