"""``python -m analysis``: the command line (analysis/cli.py).

A signal that arrives while the modules still load ends the command with the same one line as later on. The
handler raises KeyboardInterrupt; inside the import of a compiled module (pandas) that comes out as an
ImportError, so the signal received decides, not the exception's type.

Such an interrupt ends the process with ``os._exit`` once the line is printed. After an interrupt in the first
second (while pandas and pyarrow load), a normal exit was sometimes turned by CPython into death by SIGINT
instead of 128 + the signal, as it does after an unhandled KeyboardInterrupt (most likely one that passed through
code a module runs with ``PyRun_String``, which sets that state). Nothing is left to clean up by then: every
``with`` and ``finally`` of the command has run while the interrupt travelled up to here.
"""
import os
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
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(128 + signum)
sys.exit(code)
