"""Where the system has no `fcntl` (Windows), the store imports and works, and `restore`
says plainly that it cannot check for other windows (instead of an ImportError)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import sys
    sys.modules["fcntl"] = None          # as on Windows: `import fcntl` raises ImportError
    from neurocoach.cli import main
    args = sys.argv[1:]
    sys.argv = ["neurocoach", *args]
    main()
""")


def run(*args: str, db) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT, "--db", str(db), *args],
                          capture_output=True, text=True, timeout=60)


def test_the_store_imports_and_locks_nothing_without_fcntl(tmp_path):
    code = textwrap.dedent(f"""
        import sys
        sys.modules["fcntl"] = None
        from neurocoach.store import Store
        from neurocoach.store.backup import CAN_LOCK, hold_alone
        store = Store.open({str(tmp_path / "a.db")!r})
        store.hold_in_use()
        alone = hold_alone(store.path)   # no lock to refuse with: it degrades, it does not fail
        alone.close()
        store.close()
        print("CAN_LOCK", CAN_LOCK)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "CAN_LOCK False"


def test_backup_and_restore_work_and_restore_warns_without_fcntl(tmp_path):
    db = tmp_path / "nc.db"
    assert run("checkin", "--pain", "3", db=db).returncode == 0
    saved = run("backup", "--out", str(tmp_path / "copy.bak"), db=db)
    assert saved.returncode == 0, saved.stderr
    assert run("checkin", "--pain", "7", db=db).returncode == 0
    restored = run("restore", "--yes", str(tmp_path / "copy.bak"), db=db)
    assert restored.returncode == 0, restored.stderr
    assert "no POSIX file locks" in restored.stderr
    assert "close every neurocoach window first" in restored.stderr
    assert "Traceback" not in restored.stderr
    from neurocoach.store import Store

    store = Store.open(db)
    try:
        import datetime as dt

        every = store.checkins_between(dt.date(2000, 1, 1), dt.date(2100, 1, 1))
        assert [c.pain for c in every] == [3]
    finally:
        store.close()


def test_the_demo_runs_where_there_is_no_sighup(tmp_path):
    # Windows has neither fcntl nor SIGHUP: the demo's cleanup on hang-up is skipped, the
    # rest of it works (the app itself is replaced: there is no terminal here).
    code = textwrap.dedent("""
        import signal, sys
        sys.modules["fcntl"] = None
        del signal.SIGHUP
        import neurocoach.cli.backup as cb
        cb.launch_demo_app = lambda store, clock: 0
        sys.argv = ["neurocoach", "demo"]
        from neurocoach.cli import main
        main()
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
