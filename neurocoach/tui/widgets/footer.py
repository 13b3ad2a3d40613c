"""The footer: the screen's keys in one row, drawn by one widget.

Textual's Footer mounts a widget per key (ten on a session screen) and removes and mounts
them all again whenever the screen's bindings may have changed. Each of those widgets is a
message queue that a key's idle wait visits, and a region the compositor draws on its own.
This Footer is a single widget that draws the very same row (the same text, the same
styles from the same component classes and theme variables, compact below 60 columns, the
palette key at the right behind its edge) and draws it again only when what it shows
changes: most signals that the bindings may have changed change nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

ALWAYS = ("help", "app.help", "quit", "app.quit", "stop", "cancel", "close")
"""Actions whose keys stay in the footer whatever else must go when the row is too short
for every key: a person can always get help, get out (quit, or leave a dialog), and stop a
session for a symptom."""
HOME = ("switch_mode('today')", "app.switch_mode('today')")
"""Kept too where no key of ALWAYS leaves the screen (cancel, close): the way home to
Today (at 40 columns Progress lost `t Today`, and only quit was left to get out)."""

PALETTE_EDGE = "▏"
"""The left edge of the palette's key (Textual's `vkey` border)."""


@dataclass(frozen=True)
class ShownKey:
    """One key as the footer shows it."""

    key: str
    """The key it stands for (what a click presses)."""
    key_display: str
    description: str
    action: str
    enabled: bool = True
    palette: bool = False
    """The palette's key (drawn at the right end)."""


class Footer(Widget, can_focus=False):
    """The screen's shown bindings in one row (`Footer` in CSS, as Textual's)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description", "footer--palette-edge"}
    DEFAULT_CSS = """
    Footer {
        color: $footer-foreground;
        background: $footer-background;
        dock: bottom;
        height: 1;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer--palette-edge {
            color: $foreground 20%;
        }
    }
    """

    compact = reactive(False, toggle_class="-compact", layout=False, repaint=False)
    """Keys closer together ("k Description" and a space instead of " k Description ")."""
    show_command_palette = reactive(True, repaint=False)
    """The palette's key at the right end of the row."""

    NARROW = 60
    """Below this many columns the keys sit closer together, so more of them fit (at 40
    columns a session's footer then reaches its stop key)."""

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None, show_command_palette: bool = True,
                 compact: bool = False) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(Footer.show_command_palette, show_command_palette)
        self.set_reactive(Footer.compact, compact)
        self.set_class(compact, "-compact", update=False)
        self.keys_known = False
        """The screen has said its bindings once (before that there is nothing to show)."""
        self._built_from: tuple | None = None
        """What the row was last decided from (see `_shown`)."""
        self.keys: list[ShownKey] = []
        """The keys in the row, left to right (the palette's last, if shown)."""
        self._look: tuple = ()
        """The keys and compactness the row was drawn with."""
        self._row: Strip | None = None
        """The row as drawn (None: to draw at the next paint)."""
        self._spans: list[tuple[int, int, ShownKey]] = []
        """Where each key is in the row (start and end column): what a click lands on."""

    # -- when to show what ------------------------------------------------------------
    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen) -> None:
        self.keys_known = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._update()

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < self.NARROW  # a shorter row may hold other keys
        self._update()

    def _watch_compact(self) -> None:
        self._update()

    def _watch_show_command_palette(self) -> None:
        self._update()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._row = None  # a new theme, or the compact class: the same keys, other styles

    def _shown(self) -> tuple | None:
        """Everything the row is decided from, as a value to compare."""
        if not self.keys_known or not self.is_attached:
            return None
        # A binding's key display follows from the binding (a remapped key is another
        # binding): not asked for here, where most signals change nothing.
        return (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE, self.compact,
                self._room(),
                tuple((binding, enabled)
                      for _, binding, enabled, _tooltip in self.screen.active_bindings.values()))

    def _update(self) -> None:
        """Decide the row again, and draw it again, if what it is decided from changed."""
        shown = self._shown()
        if shown == self._built_from:
            return
        self._built_from = shown
        self.keys = self._decide() if shown is not None else []
        look = (tuple(self.keys), self.compact)
        if look != self._look:
            self._look = look
            self._row = None
            self.refresh()

    # -- which keys ---------------------------------------------------------------------
    def _room(self) -> int:
        """The columns the footer has (the terminal's, before it is laid out)."""
        return self.size.width or self.screen.size.width or self.app.size.width

    def _decide(self) -> list[ShownKey]:
        """The keys of the row: the screen's shown bindings (the first of each action),
        then the palette's; what does not fit goes (see `_overflow`)."""
        app = self.app
        active = self.screen.active_bindings
        keys, actions = [], set()
        for _, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append(ShownKey(binding.key, app.get_key_display(binding),
                                     binding.description, binding.action, enabled))
        palette = []
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            found = active.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _, binding, enabled, _tooltip = found
                palette = [ShownKey(binding.key, app.get_key_display(binding),
                                    binding.description, binding.action, enabled, True)]
        taken = sum(self._width(key) + 1 for key in palette)
        dropped = self._overflow(keys, taken)
        if palette and not self._fits([k for k in keys if k not in dropped], taken):
            # The keys that always stay do not fit beside the palette's key, which is
            # drawn over the row's right end ("q Qui▏^p palette" at 40 columns): it goes
            # instead (ctrl+p still opens the palette, and `?` help names it).
            dropped, palette = self._overflow(keys), []
        return [key for key in keys if key not in dropped] + palette

    def _fits(self, keys: list[ShownKey], taken: int) -> bool:
        """The keys fit in the row beside `taken` columns (always, before it has a width)."""
        if not self._room():
            return True
        return sum(self._width(key) for key in keys) <= self._room() - taken + 1

    def _width(self, key: ShownKey) -> int:
        """Columns a key takes: "k Description" and a space (compact), " k Description "
        otherwise."""
        text = cell_len(key.key_display) + 1 + cell_len(key.description)
        return text + (1 if self._room() < self.NARROW else 2)  # compact below NARROW

    def _overflow(self, keys: list[ShownKey], taken: int = 0) -> set[ShownKey]:
        """The keys that would fall off the right edge, chosen so that help and quit (or
        a dialog's cancel) always stay: the screen's own keys go from the end of the row
        first. Each key is still in `?` help."""
        room = self._room() - taken + 1  # the last key's trailing blank may fall off the edge
        width = self._width
        if not room or sum(width(key) for key in keys) <= room:
            return set()
        kept = [key for key in keys if key.action in ALWAYS]
        if not any(key.action in ("cancel", "close") for key in kept):
            kept += [key for key in keys if key.action in HOME]
        used = sum(width(key) for key in kept)
        for key in keys:
            if key not in kept and used + width(key) <= room:
                kept.append(key)
                used += width(key)
        return {key for key in keys if key not in kept}

    # -- drawing ------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y or not width:
            return Strip.blank(width, self.rich_style)
        if self._row is None or self._row.cell_length != width:
            self._row = self._draw(width)
        return self._row

    def _draw(self, width: int) -> Strip:
        """The row as Textual's Footer draws it: " k Description " per key (compact: "k
        Description" and a blank), the palette's key "▏^p palette " over the right end."""
        blank = Style(bgcolor=self.rich_style.bgcolor)
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        compact = self.compact
        palette = [key for key in self.keys if key.palette]
        segments: list[Segment] = []
        spans: list[tuple[int, int, ShownKey]] = []
        x = 0
        for key in self.keys:
            if key in palette:
                continue
            parts = self._parts(key, key_style, description_style, compact)
            if compact:
                parts.append(Segment(" ", blank))
            length = sum(cell_len(part.text) for part in parts)
            spans.append((x, x + length - compact, key))
            segments.extend(parts)
            x += length
        row = Strip(segments).adjust_cell_length(width, blank)
        for key in palette:
            # Always compact, and a blank after it (so Textual's footer draws it).
            parts = [Segment(PALETTE_EDGE, self.get_component_rich_style("footer--palette-edge")),
                     *self._parts(key, key_style, description_style, True),
                     Segment(" ", blank)]
            length = sum(cell_len(part.text) for part in parts)
            left = max(width - length, 0)
            row = Strip.join([row.crop(0, left), Strip(parts).crop(0, width - left)])
            spans = [(start, min(end, left), k) for start, end, k in spans if start < left]
            spans.append((left + 1, width, key))
        self._spans = spans
        return row

    @staticmethod
    def _parts(key: ShownKey, key_style: Style, description_style: Style,
               compact: bool) -> list[Segment]:
        """A key's words as FooterKey draws them (a disabled key dimmed)."""
        if not key.enabled:
            dim = Style(dim=True)
            key_style, description_style = dim + key_style, dim + description_style
        if not key.description:
            return [Segment(key.key_display, key_style)]
        if compact:
            return [Segment(key.key_display, key_style),
                    Segment(f" {key.description}", description_style)]
        return [Segment(f" {key.key_display} ", key_style),
                Segment(f"{key.description} ", description_style)]

    # -- a click on a key presses it (a keyboard app: a convenience, as Textual's) --------
    def key_at(self, x: int) -> ShownKey | None:
        """The key drawn at column `x` of the row, if any."""
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
