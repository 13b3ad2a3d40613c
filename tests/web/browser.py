"""A browser tab as textual-serve sees one: a websocket that sends resize, stdin and
ping envelopes, receives the terminal's bytes and `deliver_file_start` notices, and
fetches /download/KEY — what its page's JavaScript does, minus the drawing."""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import json
import re

import aiohttp

ANSI = re.compile(r"\x1b\[[0-9;?<>=$ ]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]"
                  r"|\x1b[=>78]")


class Tab:
    def __init__(self, session: aiohttp.ClientSession, address: str, width: int = 80,
                 height: int = 24) -> None:
        """`address`: what `neurocoach serve` printed, with its key."""
        self.session, self.address, self.size = session, address, (width, height)
        self.base = address.split("/?", 1)[0]
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.seen = ""
        """Text painted since the last key (escape codes removed)."""
        self.deliveries: list[str] = []
        self.closed = False
        self._decode = codecs.getincrementaldecoder("utf-8")("replace").decode

    async def open(self) -> Tab:
        width, height = self.size
        async with self.session.get(self.address) as page:  # the page sets the key cookie
            assert page.status == 200, page.status
        self.ws = await self.session.ws_connect(f"{self.base}/ws?width={width}&height={height}")
        await self.resize(width, height)
        return self

    async def resize(self, width: int, height: int) -> None:
        self.size = (width, height)
        await self.ws.send_str(json.dumps(["resize", {"width": width, "height": height}]))

    async def press(self, *keys: str) -> None:
        """Type keys as xterm.js sends them: each a string of terminal input."""
        self.seen = ""
        for key in keys:
            await self.ws.send_str(json.dumps(["stdin", key]))

    async def _read_one(self, timeout: float) -> None:
        message = await asyncio.wait_for(self.ws.receive(), timeout)
        if message.type == aiohttp.WSMsgType.BINARY:
            self.seen += ANSI.sub("", self._decode(message.data))
        elif message.type == aiohttp.WSMsgType.TEXT:
            envelope = json.loads(message.data)
            if envelope[0] == "deliver_file_start":
                self.deliveries.append(envelope[1])
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                              aiohttp.WSMsgType.CLOSING, aiohttp.WSMsgType.ERROR):
            self.closed = True

    async def wait_for(self, *texts: str, timeout: float = 30) -> str:
        """Read until every text has been painted (since the last key), or fail."""
        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        while not all(t in self.seen for t in texts):
            left = end - loop.time()
            if left <= 0 or self.closed:
                missing = [t for t in texts if t not in self.seen]
                raise AssertionError(f"never painted {missing!r}; painted: {self.seen[-2000:]!r}")
            try:
                await self._read_one(left)
            except asyncio.TimeoutError:
                continue
        return self.seen

    async def wait_for_pattern(self, pattern: str, timeout: float = 30,
                               until=lambda match: True) -> re.Match:
        """Read until the regular expression's last match in what was painted since the
        last key satisfies `until`; returns that match."""
        loop = asyncio.get_running_loop()
        end = loop.time() + timeout

        def last():
            matches = list(re.finditer(pattern, self.seen))
            return matches[-1] if matches and until(matches[-1]) else None

        while not (found := last()):
            left = end - loop.time()
            if left <= 0 or self.closed:
                raise AssertionError(f"never painted /{pattern}/; painted: {self.seen[-2000:]!r}")
            try:
                await self._read_one(left)
            except asyncio.TimeoutError:
                continue
        return found

    async def wait_for_delivery(self, timeout: float = 30) -> str:
        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        while not self.deliveries:
            left = end - loop.time()
            assert left > 0 and not self.closed, "no download was offered to the browser"
            try:
                await self._read_one(left)
            except asyncio.TimeoutError:
                continue
        return self.deliveries.pop(0)

    async def download(self, key: str) -> tuple[str, bytes]:
        """Fetch a delivered file as the page does; returns (Content-Disposition, body)."""
        async with self.session.get(f"{self.base}/download/{key}") as response:
            assert response.status == 200, response.status
            return response.headers["Content-Disposition"], await response.read()

    async def wait_closed(self, timeout: float = 30) -> None:
        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        while not self.closed:
            left = end - loop.time()
            assert left > 0, "the app did not end"
            try:
                await self._read_one(left)
            except asyncio.TimeoutError:
                continue

    async def close(self) -> None:
        if self.ws is not None and not self.ws.closed:
            await self.ws.close()


@contextlib.asynccontextmanager
async def browser(limit: float = 120):
    """A client session for a test, which fails (instead of hanging) past `limit` seconds."""
    async with asyncio.timeout(limit):
        jar = aiohttp.CookieJar(unsafe=True)  # keep cookies of an IP address, as browsers do
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60),
                                         cookie_jar=jar) as session:
            yield session
