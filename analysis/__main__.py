"""``python -m analysis``: the command line (analysis/cli.py).

A signal that arrives while the modules still load ends the command with the same one line as later on.
"""
import signal
import sys


def _stopped(signum, _frame):
    raise KeyboardInterrupt(signum)


for _signum in (signal.SIGTERM, signal.SIGHUP):
    signal.signal(_signum, _stopped)
try:
    from .cli import main

    code = main()
except KeyboardInterrupt as err:
    signum = err.args[0] if err.args else signal.SIGINT
    print(f"interrupted ({signal.Signals(signum).name}): nothing was written, earlier outputs are unchanged",
          file=sys.stderr)
    code = 128 + signum
sys.exit(code)
