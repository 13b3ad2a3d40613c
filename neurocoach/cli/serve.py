"""`neurocoach serve`: the same coach in a web browser, through textual-serve (the `web`
extra). Each browser tab runs its own `neurocoach --db PATH` process on the person's one
database, as two SSH windows would. Nothing heavy is imported until the command runs."""

from __future__ import annotations

import ipaddress
import shlex
import sys

import click

from neurocoach.cli.common import Command, Ctx, fail

INSTALL_WEB = "pip install 'neurocoach[web]'"

NO_LOGIN = ("there is no login in front of the browser version: anyone who can reach "
            "{where} would see and change your health data. To reach it from another "
            "device, use an SSH tunnel (see the README); to serve on {host} anyway, add "
            "--i-understand-there-is-no-login.")


def is_local(host: str) -> bool:
    """Only this machine can connect: localhost or a loopback address."""
    if host.strip().lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def app_command(obj: Ctx) -> str:
    """The shell command textual-serve runs for each browser tab (it uses a shell)."""
    args = [sys.executable, "-m", "neurocoach", "--db", str(obj.db_path)]
    return " ".join(shlex.quote(a) for a in args)


SERVE_HELP = """Open the coach in a web browser (needs the web extra).

\b
It listens on 127.0.0.1 only and prints the address to open, with its key
(http://127.0.0.1:8000/?key=...): bookmark it, the key is kept. From a
phone or tablet, use an SSH tunnel (ssh -L 8000:127.0.0.1:8000 you@host,
then the same address on the device). Every browser tab is its own coach
on your one database; two tabs at once are safe, like two terminal
windows. Reports and plan exports arrive in the browser as downloads.
ctrl+c stops the server.

The key is the only lock: there is no login, and the traffic is plain
HTTP, so keep it on 127.0.0.1 (or behind a tunnel). Delete serve.key in
the settings folder to make a new key.
"""


@click.command(cls=Command, help=SERVE_HELP, short_help="Open the coach in a web browser (textual-serve).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on; anything but this machine's own needs "
                   "--i-understand-there-is-no-login.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="The port to listen on.")
@click.option("--public-url", metavar="URL",
              help="The address browsers use, when it is not http://HOST:PORT "
                   "(behind a proxy).")
@click.option("--i-understand-there-is-no-login", "no_login_ok", is_flag=True,
              help="Listen on an address other devices can reach, with no login.")
@click.pass_obj
def serve(obj: Ctx, host: str, port: int, public_url: str | None, no_login_ok: bool) -> None:
    if not is_local(host) and not no_login_ok:
        fail(NO_LOGIN.format(where=f"{host}:{port}", host=host))
    try:
        from neurocoach.tui.web import check_port, make_server
    except ImportError:
        fail(f"the browser version needs textual-serve, which is not installed: "
             f"{INSTALL_WEB}")
    obj.open_store().close()  # a bad file is said here, once, not in every browser tab
    try:  # a port in use is said in one line (aiohttp would say it after its banner)
        check_port(host, port)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}.")
    server = make_server(app_command(obj), host, port, public_url)
    try:
        server.serve()
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}.")
