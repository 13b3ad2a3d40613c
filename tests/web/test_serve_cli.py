"""`neurocoach serve` refuses in one line: a host others can reach without saying so, a
missing web extra, a port already taken."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap

from tests.cli.helpers import one_line_error


def neurocoach(*args: str, block_serve: bool = False) -> subprocess.CompletedProcess:
    code = textwrap.dedent(f"""
        import sys
        if {block_serve!r}:
            sys.modules["textual_serve"] = None   # as when the web extra is not installed
            sys.modules["textual_serve.server"] = None
        sys.argv = ["neurocoach", *{list(args)!r}]
        from neurocoach.cli import main
        main()
    """)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)


def test_a_host_others_can_reach_needs_the_no_login_flag(tmp_path):
    done = neurocoach("--db", str(tmp_path / "nc.db"), "serve", "--host", "0.0.0.0")
    one_line_error(done, "no login", "0.0.0.0:8000", "--i-understand-there-is-no-login",
                   "SSH tunnel")
    assert not (tmp_path / "nc.db").exists()


def test_without_the_web_extra_it_says_how_to_install_it(tmp_path):
    done = neurocoach("--db", str(tmp_path / "nc.db"), "serve", block_serve=True)
    one_line_error(done, "textual-serve", "pip install 'neurocoach[web]'")


def test_a_port_in_use_is_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = neurocoach("--db", str(tmp_path / "nc.db"), "serve", "--port", str(port))
    one_line_error(done, f"cannot listen on 127.0.0.1:{port}")


def test_a_bad_database_is_said_before_serving(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("not a database")
    done = neurocoach("--db", str(bad), "serve", "--port", "1")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert bad.read_text() == "not a database"


def test_is_local():
    from neurocoach.cli.serve import is_local

    assert all(map(is_local, ["127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3"]))
    assert not any(map(is_local, ["0.0.0.0", "::", "192.168.1.4", "example.org"]))
