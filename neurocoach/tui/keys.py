"""No key lost or misplaced: keys that arrive in one burst land where they were typed for.

Textual takes each key from the terminal in the App, and hands it to the widget that has
focus *at that moment* by posting it to that widget's own queue; the App then goes straight
on to the next key. When a key opens a screen (c: the check-in) or moves the focus (enter:
the next row), that happens only when the widget gets round to the key, so keys typed ahead
(a fast typist, a laggy SSH link, a paste) went to the screen underneath, or to the row
before: `c 3 enter 2 enter` started the session instead of recording pain 3.

`settle` is the barrier: after handing a key on, the App waits until the screen's widgets
have handled everything queued for them, and, when the key changed the screen, until the
new screen is composed and has its focus, before it takes the next key. Bounded in time,
so a busy widget only slows keys down, never stops them.
"""

from __future__ import annotations

import asyncio
from collections import deque

SETTLE_TIMEOUT = 0.5
"""At most this long per round of waiting (a widget never idle cannot hold keys forever)."""
ROUNDS = 12
"""A key may push a screen whose mounting mounts more widgets: settle those too."""


class _Reached:
    """What the barrier queues behind a widget's messages: marks its future when the
    widget gets to it."""

    __slots__ = ("future",)
    _param_count = 0
    """Read by Textual instead of inspecting the callable's signature: the barrier queues
    one of these on every widget at every key (a lambda through call_later was inspected
    each time, about 0.3 ms a key on a session screen)."""

    def __init__(self, future: asyncio.Future) -> None:
        self.future = future

    def __call__(self) -> None:
        if not self.future.done():
            self.future.set_result(None)


async def _drained(widgets, timeout: float) -> None:
    """Until every widget has processed what was queued for it when this was called."""
    from textual.events import Callback

    loop = asyncio.get_running_loop()
    waiting = []
    for widget in widgets:
        done = loop.create_future()
        if widget.post_message(Callback(callback=_Reached(done))):
            waiting.append(done)
    if waiting:
        await asyncio.wait(waiting, timeout=timeout)


class KeyBarrier:
    """Mixed into the App: keys from the terminal one at a time (see the module's text).

    The App's message loop must stay free while a key has its effects (a focus() or a
    screen's callbacks are queued on the App itself, and a key no widget takes comes back
    up to the App to look up its bindings): so keys are queued here and handed on, one at
    a time, by a task of the App's, which waits for each to settle before the next."""

    async def on_event(self, event) -> None:
        from textual import events

        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
            return
        typed = self.__dict__.setdefault("_typed_keys", deque())
        typed.append(event)
        task = self.__dict__.get("_typing")
        if task is None or task.done():
            self._typing = asyncio.create_task(self._type_in_turn(typed))

    async def _type_in_turn(self, typed: deque) -> None:
        from textual.app import App

        try:
            while typed:
                event = typed.popleft()
                await App.on_event(self, event)  # to the focused widget, or a binding
                await settle(self)
        except Exception as error:  # as Textual does for a failing handler: shown, app ends
            self._handle_exception(error)


def _idle(widget) -> bool:
    """The widget's message loop is parked waiting for a message, with nothing queued: a
    key has nothing left to do there.

    A widget inside a handler that awaits (a screen's callback, a worker's result), or
    combining a message it peeked at, is not parked on its queue, so it counts as busy
    even with nothing queued; a callback due after its refresh queues a prompt first."""
    queue = widget._message_queue
    return not queue.values and bool(queue.ready_event._waiters)


async def settle(app) -> None:
    """Wait until the key just handed on has had all its effects on the screens.

    Each round waits only on the widgets that are not idle (see `_idle`): what the key
    was handed to and what its handling posted to, mounted or left running. Asking an
    idle widget costs a message through its loop, and a screen has dozens."""
    for _ in range(ROUNDS):
        try:
            screen = app.screen
        except Exception:  # no screen (shutting down)
            return
        busy = [w for w in (app, *screen.walk_children(with_self=True))
                if w.is_running and not _idle(w)]
        if not busy:
            return
        await _drained(busy, SETTLE_TIMEOUT)
