"""The web server behind `neurocoach serve`: textual-serve's, with a key in front of it.

textual-serve has no login. On a shared computer any local user can open a port on
127.0.0.1, so the address `serve` prints carries a key (kept, private, in the config
folder, so a bookmark keeps working): the page sets it as a cookie (HttpOnly,
SameSite=Strict), and the page, the websocket and every download are refused without it.
A websocket opened from another site's page is refused by its Origin as well.
Imported only by `neurocoach serve`, and only when textual-serve is installed (the `web`
extra): the one module of the package that opens a network port, for the person's own
browser; nothing in neurocoach connects out.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

COOKIE = "neurocoach_key"
KEY_NAME = "serve.key"

REFUSED = ("neurocoach: this address needs its key. Open the address `neurocoach serve` "
           "printed (the one ending in ?key=...).")


def key_path() -> Path:
    from neurocoach.tui.settings import config_path

    return config_path().with_name(KEY_NAME)


def serve_key(path: Path | None = None) -> str:
    """The kept key (made once, 0600); a new one when the file is gone or unreadable, or
    is not a plain file of the person's that nobody else can read (one planted there, or
    a link to one, would give its maker the key)."""
    import os
    import stat

    from neurocoach.store.files import write_private_text

    path = path or key_path()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            private = (stat.S_ISREG(st.st_mode) and st.st_uid == os.geteuid()
                       and not st.st_mode & 0o077)
            key = fh.read(200).decode("ascii").strip() if private else ""
        if len(key) >= 32:
            return key
    except (OSError, UnicodeDecodeError):
        pass
    key = secrets.token_urlsafe(24)
    missing = [f for f in (path.parent, *path.parent.parents) if not f.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700)
    write_private_text(path, key + "\n")
    return key


class GuardedServer(Server):
    """textual-serve's Server, refusing whoever does not hold the key."""

    def __init__(self, command: str, *, key: str, **kwargs) -> None:
        super().__init__(command, **kwargs)
        self.key = key

    @property
    def address(self) -> str:
        return f"{self.public_url}/?key={self.key}"

    def _holds_key(self, request: web.Request) -> bool:
        return secrets.compare_digest(request.cookies.get(COOKIE, ""), self.key)

    async def on_startup(self, app: web.Application) -> None:
        print(f"neurocoach is ready: open {self.address} in a web browser "
              "(ctrl+c stops it).", flush=True)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        given = request.query.get("key", "")
        if not (secrets.compare_digest(given, self.key) or self._holds_key(request)):
            raise web.HTTPForbidden(text=REFUSED)
        response = await super().handle_index(request)
        response.set_cookie(COOKIE, self.key, httponly=True, samesite="Strict",
                            max_age=365 * 24 * 3600, path="/")
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        origin = request.headers.get("Origin")
        if not self._holds_key(request) or (origin and not self._same_site(origin, request)):
            raise web.HTTPForbidden(text=REFUSED)
        return await super().handle_websocket(request)

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        if not self._holds_key(request):
            raise web.HTTPForbidden(text=REFUSED)
        return await super().handle_download(request)

    @staticmethod
    def _same_site(origin: str, request: web.Request) -> bool:
        return urlsplit(origin).netloc == request.host


def check_port(host: str, port: int) -> None:
    """Raise OSError if the port cannot be listened on (in use, not allowed)."""
    import socket

    socket.create_server((host, port)).close()


def make_server(command: str, host: str, port: int, public_url: str | None,
                key: str | None = None) -> GuardedServer:
    return GuardedServer(command, key=key or serve_key(), host=host, port=port,
                         title="neurocoach", public_url=public_url)


