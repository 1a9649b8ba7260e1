"""``python -m analysis``: the command line (analysis/cli.py).

A signal that arrives while the modules still load ends the command with the same one line as later on. The
handler raises KeyboardInterrupt; inside the import of a compiled module (pandas) that comes out as an
ImportError, so the signal received decides, not the exception's type.
"""
import signal
import sys

_received: list = []


def _stopped(signum, _frame):
    _received.append(signum)
    raise KeyboardInterrupt(signum)


for _signum in (signal.SIGTERM, signal.SIGHUP):
    signal.signal(_signum, _stopped)
try:
    from .cli import main

    code = main()
except (KeyboardInterrupt, ImportError) as err:
    if isinstance(err, ImportError) and not _received:
        raise
    signum = _received[0] if _received else (err.args[0] if err.args else signal.SIGINT)
    print(f"interrupted ({signal.Signals(signum).name}): nothing was written, earlier outputs are unchanged",
          file=sys.stderr)
    code = 128 + signum
sys.exit(code)
