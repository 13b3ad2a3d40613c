"""neurocoach: a terminal exercise coach for people living with foot neuropathy."""

__version__ = "0.1.0"
