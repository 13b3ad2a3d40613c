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


def test_a_key_file_planted_or_open_to_others_is_never_the_key(tmp_path):
    """serve.key is read only when it is a plain file of the person's that nobody else can
    read: one planted (a link to a file of someone else's, or a file others can read) was
    taken as the key, so whoever planted it held the key to the coach."""
    import os

    from neurocoach.tui.web import serve_key

    known = "k" * 40
    planted = tmp_path / "theirs.key"
    planted.write_text(known + "\n")
    path = tmp_path / "config" / "serve.key"
    path.parent.mkdir(mode=0o700)
    path.symlink_to(planted)
    key = serve_key(path)
    assert key != known and not path.is_symlink()
    assert planted.read_text() == known + "\n"
    assert path.read_text().strip() == key and oct(path.stat().st_mode)[-3:] == "600"
    path.write_text(known + "\n")
    os.chmod(path, 0o644)                                 # others can read it
    assert serve_key(path) != known
    assert serve_key(path) == serve_key(path)             # a sound one is kept
