"""What every CLI test checks of a refusal: exit 2, one line on stderr, no traceback."""

from __future__ import annotations


def one_line_error(result, *words: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]


# A command run the plain way (neurocoach/__main__.py), saying whether click got loaded,
# and the same through click.
PLAIN = ("import sys; sys.argv = ['neurocoach', *sys.argv[1:]]\n"
         "from neurocoach.__main__ import main\n"
         "try:\n    main()\n"
         "finally:\n    print('CLICK', 'click' in sys.modules)\n")
CLICK = ("import sys; sys.argv = ['neurocoach', *sys.argv[1:]]\n"
         "from neurocoach.cli import main\nmain()\n")
