"""Tiny shared fixtures: a plain article, and a writer of small corpus folders under ``tmp_path``."""
import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The ensemble's fitted partner is kept in a folder of this test run (and of the notebooks it runs), never in
# the user's cache: the first ensemble of the run is fitted and stored, the later ones loaded.
_PARTNER_CACHE = tempfile.mkdtemp(prefix="kuril-stance-test-cache-")
os.environ["KURIL_STANCE_CACHE"] = _PARTNER_CACHE
atexit.register(shutil.rmtree, _PARTNER_CACHE, True)

# Two paragraphs in the seeds' wording: one quote with its speaker, one position of the other side.
ARTICLE = ("Lavrov rules out talks on Japan's terms\n\n"
           "“Russia will never give up the islands,” Lavrov said on Sunday.\n\n"
           "Tokyo maintains that the islands are Japanese territory.\n")


@pytest.fixture
def article() -> str:
    return ARTICLE


@pytest.fixture
def write_corpus(tmp_path):
    """``write_corpus({"a.txt": text_or_bytes, ...}, name="corpus") -> folder``: str is written as UTF-8."""

    def write(files: dict, name: str = "corpus") -> Path:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        for file_name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (folder / file_name).write_bytes(data)
        return folder

    return write
