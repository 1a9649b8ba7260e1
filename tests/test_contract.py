"""The table `python -m analysis tag` writes: the contract outside tools read."""
import subprocess
import sys

import pandas as pd
import pytest

from analysis import paths
from analysis.pipeline import CONTRACT_COLUMNS

CHECKER = paths.ROOT.parent / "shared" / "contract_check.py"


@pytest.mark.skipif(not CHECKER.exists(), reason="shared/contract_check.py is not beside this checkout")
def test_shared_contract_check_passes_on_the_seed_corpus():
    run = subprocess.run([sys.executable, str(CHECKER)], cwd=paths.ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "118 statements from 5 articles; 0 contract problems" in run.stdout


@pytest.mark.parametrize("tagger", ["codebook", "model"])
def test_tag_writes_csv_and_parquet(tmp_path, tagger):
    csv_out, parquet_out = tmp_path / "s.csv", tmp_path / "s.parquet"
    for out in (csv_out, parquet_out):
        run = subprocess.run([sys.executable, "-m", "analysis", "tag", str(paths.ARTICLES), "--out", str(out),
                              "--tagger", tagger, "--quiet"], capture_output=True, text=True, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        assert run.stderr.startswith("tag: 5 articles, 118 statements, ")
    from_csv = pd.read_csv(csv_out, dtype={"article_id": str}, keep_default_na=False)
    from_parquet = pd.read_parquet(parquet_out)
    assert list(from_csv.columns[:len(CONTRACT_COLUMNS)]) == CONTRACT_COLUMNS
    assert from_csv["text"].tolist() == from_parquet["text"].tolist()
    assert set(from_csv["tagger"]) == {tagger}
    row = from_csv.set_index(["article_id", "sent_idx"]).loc[("003", 18)]
    assert row["text"] == "Tokyo, however, maintains that the territorial dispute must be resolved first."
    assert (row["mode"], row["voice_side"], row["holder_side"]) == ("narration", "outlet", "japan")
