"""Textual's Stylesheet, without parsing the same CSS again for the same variables.

Textual refreshes the CSS the first time each mode's screen is shown (Today at launch,
then Library and Progress): `set_variables` with the theme's variables, unchanged, empties
the parse cache, and `reparse` parses every source again from scratch (about 13 ms at
launch, more once the other screens' widgets have added theirs). With the same sources
and the same variables the rules come out the same, so here both keep what they have.
A theme change (new variables) still re-parses everything, as before.
"""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet


class KeptParsesStylesheet(Stylesheet):
    _parsed_from: tuple | None = None
    """The variables and sources the current rules were parsed from (None: not yet)."""

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables == self._variables:
            return  # the parse cache still holds for these
        super().set_variables(variables)

    def parse(self) -> None:
        super().parse()
        self._parsed_from = (dict(self._variables), dict(self.source))

    def reparse(self) -> None:
        if not self._require_parse and self._parsed_from == (self._variables, self.source):
            return  # everything parse reads is as it was: the same rules
        super().reparse()
        self._parsed_from = (dict(self._variables), dict(self.source))
